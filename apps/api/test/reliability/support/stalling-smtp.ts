import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server under test control. In `stall` mode it reads a message's DATA and never
 * answers the final "250 OK" (the sender is stuck mid-conversation, as on a hung relay); in
 * `accept` mode it accepts. Only accepted messages count as delivered.
 */
export interface StallingSmtp {
  url: string;
  mode: 'stall' | 'accept';
  /** Email ids (X-Leadbridge-Email-Id) of accepted messages, one entry per acceptance. */
  accepted: string[];
  /** Email ids whose DATA arrived while stalling (never acknowledged). */
  stalled: string[];
  close(): Promise<void>;
}

const EMAIL_ID = /^X-Leadbridge-Email-Id:\s*(\S+)/im;

export async function startStallingSmtp(): Promise<StallingSmtp> {
  const smtp: StallingSmtp = {
    url: '',
    mode: 'accept',
    accepted: [],
    stalled: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const id = EMAIL_ID.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? 'unknown';
        if (smtp.mode === 'stall') {
          // Never call back: the client waits for the final reply until it gives up or dies.
          smtp.stalled.push(id);
          return;
        }
        smtp.accepted.push(id);
        callback();
      });
    },
  });
  // A client killed mid-conversation resets the socket: that is expected here, not an error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return smtp;
}
