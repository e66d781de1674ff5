import type { CaughtMail } from '@leadbridge/devkit/mail-catcher';

/**
 * The mail catcher `npm start` runs, read through its JSON API (`GET /api/messages`) the way a
 * person reads its page: what was sent, to whom, with which words.
 */
export class Mailbox {
  constructor(private readonly baseUrl: string) {}

  async all(): Promise<CaughtMail[]> {
    const response = await fetch(`${this.baseUrl}/api/messages`);
    if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
    return (await response.json()) as CaughtMail[];
  }

  /** The first email to `to` matching `match`, waiting for it to arrive. */
  async waitFor(
    to: string,
    match: (mail: CaughtMail) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = (await this.all()).filter((mail) => mail.to.includes(to));
      const found = mails.find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no email "${what}" to ${to} within ${timeoutMs} ms; received: ${JSON.stringify(
            mails.map((mail) => mail.subject),
          )}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The 6-digit code of the newest sign-in email to `to` that arrived after `since`. */
  async signInCode(to: string, since: Date): Promise<string> {
    const mail = await this.waitFor(
      to,
      (m) => /is your sign-in code/.test(m.subject) && new Date(m.receivedAt) >= since,
      'sign-in code',
    );
    const code = /\b(\d{6})\b/.exec(mail.subject)?.[1];
    if (!code) throw new Error(`no 6-digit code in "${mail.subject}"`);
    return code;
  }
}
