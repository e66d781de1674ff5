import { connect, createServer, type Server, type Socket } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * A TCP proxy in front of PostgreSQL that counts the round trips each client application makes
 * (by the `application_name` of its connections): every simple Query (`Q`) and every Sync (`S`,
 * the end of one extended-protocol query). Pointing the API at it measures what a request costs
 * the database without statement logging or pg_stat_statements.
 */
export interface RoundTripCounter {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  rewrite(databaseUrl: string): string;
  /** Round trips so far of connections with this application_name. */
  count(applicationName: string): number;
  close(): Promise<void>;
}

class ClientStream {
  private buffer = Buffer.alloc(0);
  private startedUp = false;
  applicationName = '';

  constructor(private readonly onRoundTrip: (applicationName: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.startedUp) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
          this.applicationName = startupParameter(
            this.buffer.subarray(8, length),
            'application_name',
          );
          this.startedUp = true;
        }
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < length + 1) return;
      const type = String.fromCharCode(this.buffer[0] ?? 0);
      if (type === 'Q' || type === 'S') this.onRoundTrip(this.applicationName);
      this.buffer = this.buffer.subarray(length + 1);
    }
  }
}

function startupParameter(body: Buffer, name: string): string {
  const parts = body.toString('utf8').split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === name) return parts[i + 1] ?? '';
  }
  return '';
}

/** Starts a counting proxy to the server of `serverUrl` (any database on it). */
export async function startRoundTripCounter(serverUrl: string): Promise<RoundTripCounter> {
  const target = new URL(serverUrl);
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const stream = new ClientStream((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
    client.on('data', (chunk: Buffer) => {
      stream.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    rewrite(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    count: (applicationName) => counts.get(applicationName) ?? 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
