import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';

/**
 * A request Node's parser refuses (a head over 16 KiB, a malformed request line) is answered as
 * Node answered it under Express: a status line, no body, connection closed. Fastify's own
 * handler would send a JSON body without a problem `code`, which no client of ours expects.
 * `Content-Length: 0` lets the client finish reading before the socket closes: without it a
 * client still sending the rest of its head could see the reset first, and no answer at all.
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  // As Node and Fastify do: any socket still open gets the status line, including a keep-alive
  // one that has answered earlier requests (checking bytesWritten would leave those silent).
  if (error.code !== 'ECONNRESET' && socket.writable) {
    const { code } = error;
    const status =
      code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? 413
          : code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 408
            : 400;
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  }
  socket.destroy(error);
}
