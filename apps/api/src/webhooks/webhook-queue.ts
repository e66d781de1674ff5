export const WEBHOOK_QUEUE = 'webhook.deliver';

/**
 * One delivery attempt. `attempt` counts within the current run of retries (resend starts a new
 * run); `expectedAttempts` is the delivery's attempt count when the job was queued, so a job
 * that lost a race (a resend, a crash retry) sees the count moved on and does nothing.
 */
export interface WebhookJob {
  deliveryId: string;
  attempt: number;
  expectedAttempts: number;
}
