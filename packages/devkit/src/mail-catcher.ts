import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email the catcher received, as its JSON API returns it. */
export interface CaughtMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the sending server said it was for (includes Bcc). */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Header lines by lower-case name (the first value when a header repeats). */
  headers: Record<string, string>;
}

export interface MailCatcherOptions {
  /** 0 = any free port. */
  smtpPort?: number;
  /** 0 = any free port. */
  httpPort?: number;
  host?: string;
  /** Oldest emails are dropped past this many. */
  keep?: number;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** e.g. smtp://127.0.0.1:2525 — what the API's SMTP_URL should be. */
  smtpUrl: string;
  /** The page listing received emails; JSON at `${httpUrl}/api/messages`. */
  httpUrl: string;
  /** Received emails, oldest first. */
  messages(): CaughtMail[];
  clear(): void;
  /** Resolves with the emails once `predicate` holds for the received list (polls 50 ms). */
  waitFor(predicate: (mails: CaughtMail[]) => boolean, timeoutMs?: number): Promise<CaughtMail[]>;
  stop(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => entry.value.map((a) => a.address ?? '').filter(Boolean));
}

function headerLines(mail: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of mail.headerLines) {
    if (headers[line.key] !== undefined) continue;
    // `line` is "Name: value" possibly folded over several lines; unfold it.
    const value = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ');
    headers[line.key] = value.trim();
  }
  return headers;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const PAGE_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328}
header{padding:12px 20px;background:#24292f;color:#fff;display:flex;gap:16px;align-items:center}
header h1{font-size:16px;margin:0}header form{margin-left:auto}main{padding:16px 20px}
table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #d0d7de;text-align:left}
tr:hover{background:#f6f8fa}a{color:#0969da}pre{white-space:pre-wrap;background:#f6f8fa;padding:12px}
iframe{width:100%;height:60vh;border:1px solid #d0d7de}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
dt{color:#57606a}dd{margin:0;word-break:break-all}`;

function page(title: string, body: string, refresh = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<style>${PAGE_STYLE}</style></head>
<body><header><h1><a href="/" style="color:#fff;text-decoration:none">Leadbridge mail catcher</a></h1>
<form method="post" action="/clear"><button>Delete all</button></form></header><main>${body}</main></body></html>`;
}

function listPage(mails: CaughtMail[]): string {
  if (mails.length === 0) return page('Mail catcher', '<p>No emails yet.</p>', true);
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString())}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return page(
    `Mail catcher (${mails.length})`,
    `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`,
    true,
  );
}

function detailPage(mail: CaughtMail): string {
  const headers = Object.entries(mail.headers)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  // The HTML part is shown in a sandboxed frame: no scripts, no access to this page.
  const html = mail.html
    ? `<h3>HTML</h3><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" src="/messages/${mail.id}/html"></iframe>`
    : '';
  return page(
    mail.subject,
    `<h2>${escapeHtml(mail.subject || '(no subject)')}</h2><dl>${headers}</dl>${html}` +
      `<h3>Text</h3><pre>${escapeHtml(mail.text)}</pre>`,
  );
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
  });
  response.end(body);
}

function listening(
  server: EventEmitter,
  start: (done: () => void) => void,
  address: () => AddressInfo | string | null,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    start(() => {
      server.off('error', onError);
      resolve((address() as AddressInfo).port);
    });
  });
}

/**
 * A local SMTP server that keeps what it receives in memory, with a page to read it and a JSON
 * API (`GET /api/messages`, `DELETE /api/messages`) for tests. No auth, no TLS: development only.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 1000;
  let mails: CaughtMail[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 25 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            headers: headerLines(parsed),
          });
          if (mails.length > keep) mails = mails.slice(mails.length - keep);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://catcher');
    const method = request.method ?? 'GET';
    if (url.pathname === '/api/messages') {
      if (method === 'GET') return send(response, 200, 'application/json', JSON.stringify(mails));
      if (method === 'DELETE') {
        mails = [];
        response.writeHead(204).end();
        return;
      }
    }
    if (url.pathname === '/clear' && method === 'POST') {
      mails = [];
      response.writeHead(303, { location: '/' }).end();
      return;
    }
    if (method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/') return send(response, 200, 'text/html', listPage(mails));
    const match = /^\/(api\/)?messages\/([\w-]+)(\/html)?$/.exec(url.pathname);
    const mail = match ? mails.find((m) => m.id === match[2]) : undefined;
    if (!match || !mail) return send(response, 404, 'text/plain', 'Not found');
    if (match[1]) return send(response, 200, 'application/json', JSON.stringify(mail));
    if (match[3]) {
      response.setHeader('content-security-policy', "script-src 'none'");
      return send(response, 200, 'text/html', mail.html ?? '');
    }
    return send(response, 200, 'text/html', detailPage(mail));
  });

  const smtpPort = await listening(
    smtp.server,
    (done) => smtp.listen(options.smtpPort ?? 0, host, done),
    () => smtp.server.address(),
  );
  let httpPort: number;
  try {
    httpPort = await listening(
      http,
      (done) => http.listen(options.httpPort ?? 0, host, done),
      () => http.address(),
    );
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }

  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => [...mails],
    clear: () => {
      mails = [];
    },
    waitFor: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(mails)) {
        if (Date.now() > deadline) {
          throw new Error(
            `mail catcher: condition not met within ${timeoutMs} ms; received: ${JSON.stringify(
              mails.map((m) => ({ to: m.to, subject: m.subject })),
            )}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [...mails];
    },
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
