import { randomBytes } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { Actor } from './actor';
import { Mailbox } from './mailbox';
import { type SnippetHost, startSnippetHost } from './snippet-host';
import { repoRoot, type Stack, startStack } from './stack';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** Who is who in the journeys; unique per run so a rerun never meets old data. */
export function cast() {
  const tag = randomBytes(3).toString('hex');
  return {
    company: {
      name: `Brightwave Analytics ${tag}`,
      owner: 'Priya Patel',
      email: `priya-${tag}@brightwave.example`,
      password: `correct-horse-${tag}-battery`,
    },
    program: { name: 'Brightwave Partner Program', currency: 'USD' },
    partner: { name: `Northstar Digital ${tag}`, email: `ops-${tag}@northstar.example` },
    lead: {
      firstName: 'Katherine',
      lastName: 'Johnson',
      email: `katherine-${tag}@orbital.example`,
      company: 'Orbital Dynamics',
      /** What the partner corrects the company to, with the pencil. */
      companyCorrected: 'Orbital Dynamics Inc.',
      seats: '25',
    },
    tag,
  };
}

export type Cast = ReturnType<typeof cast>;

/**
 * A time zone where it is afternoon right now (Etc/GMT-3 is UTC+3). The company records a
 * payment "today" right after winning the lead; that must earn the commission at any hour, and
 * the afternoon is when a date-only payment is likeliest to land before the win.
 */
export function afternoonTimeZone(now = new Date()): string {
  const offset = (((15 - now.getUTCHours()) % 24) + 24) % 24;
  const hours = offset > 14 ? offset - 24 : offset;
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** What earlier journeys learned and later ones need. */
export interface Facts {
  programId?: string;
  publishableKey?: string;
  snippet?: string;
  webhookSecret?: string;
  leadId?: string;
}

/** Everything the journeys share: the running system, the people, and what they know. */
export interface World {
  stack: Stack;
  company: Actor;
  partner: Actor;
  mail: Mailbox;
  hooks: WebhookReceiver;
  snippetHost: SnippetHost;
  cast: Cast;
  facts: Facts;
  close: () => Promise<void>;
}

export async function openWorld(browser: Browser): Promise<World> {
  const stack = await startStack({
    logFile: `${repoRoot}/artifacts/e2e/start.log`,
    timeoutMs: 180_000,
  });
  console.log(`npm start was ready in ${stack.startSeconds.toFixed(1)} s`);
  const opened: { close: () => Promise<void> }[] = [];
  try {
    const hooks = await startWebhookReceiver();
    opened.push({ close: hooks.stop });
    const snippetHost = await startSnippetHost();
    opened.push({ close: snippetHost.stop });
    // Two people, two browsers: the company's team at the admin app, the partner on the site.
    const company = await Actor.open(browser, 'company', {
      baseURL: stack.ready.apiUrl,
      permissions: ['clipboard-read', 'clipboard-write'],
      timezoneId: afternoonTimeZone(),
    });
    opened.push(company);
    const partner = await Actor.open(browser, 'partner');
    opened.push(partner);
    return world(stack, { company, partner, hooks, snippetHost });
  } catch (error) {
    for (const thing of opened.reverse()) await thing.close().catch(() => {});
    await stack.destroy();
    throw error;
  }
}

function world(
  stack: Stack,
  parts: Pick<World, 'company' | 'partner' | 'hooks' | 'snippetHost'>,
): World {
  const { company, partner, hooks, snippetHost } = parts;
  return {
    stack,
    company,
    partner,
    mail: new Mailbox(stack.ready.mailUrl),
    hooks,
    snippetHost,
    cast: cast(),
    facts: {},
    close: async () => {
      await company.close().catch(() => {});
      await partner.close().catch(() => {});
      await hooks.stop();
      await snippetHost.stop();
      // Kills what a failed journey left running; after a clean Ctrl-C only the data remains.
      await stack.destroy();
    },
  };
}

/** A fact an earlier journey must have established. */
export function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier journey did not establish ${what}`);
  return value;
}
