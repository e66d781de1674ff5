import { MessagesResource } from '@leadbridge/sdk/partner';
import type { WidgetApi } from './api.js';

/** The partner's unread messages over all threads, for the Messages tab's badge. */
export async function unreadMessages(api: WidgetApi): Promise<number> {
  // The thread list's page carries the total over every thread, beside a one-thread page.
  const { unreadTotal } = await new MessagesResource(api.core).listThreads({ limit: 1 });
  return unreadTotal;
}
