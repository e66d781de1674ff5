import { Messages } from '@leadbridge/sdk/internal/resources/messages.js';
import type { WidgetApi } from './api.js';

/** The partner's unread messages over all threads, for the Messages tab's badge. */
export async function unreadMessages(api: WidgetApi): Promise<number> {
  const page = await new Messages(api.core).listThreads({ limit: '1' });
  // The thread list carries the total beside the page (MessageThreadPage.unreadTotal).
  return (page as { unreadTotal?: number }).unreadTotal ?? 0;
}
