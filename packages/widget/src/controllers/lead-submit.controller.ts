import type { LeadInput } from '@leadbridge/core';
import { randomUuid } from '@leadbridge/sdk/partner';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetApi } from '../api/api.js';
import { type CallFailure, failureOf } from '../api/problems.js';
import type { Lead } from '../api/types.js';

/**
 * Sends a lead so that it is made once at most: one idempotency key per distinct body, so a
 * retry of the same lead is replayed, never doubled, while a corrected lead is a new request
 * (the API refuses a reused key with another body). `sending` while a request is out.
 */
export class LeadSubmitController implements ReactiveController {
  sending = false;
  private attempt: { key: string; body: string } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The next lead is a new one (after "Submit another lead"). */
  reset(): void {
    this.attempt = null;
  }

  async send(api: WidgetApi, input: LeadInput): Promise<{ lead: Lead } | { failure: CallFailure }> {
    const body = JSON.stringify(input);
    if (this.attempt?.body !== body) this.attempt = { key: randomUuid(), body };
    this.sending = true;
    this.host.requestUpdate();
    try {
      const lead = await api.createLead(input, this.attempt.key);
      this.attempt = null;
      return { lead };
    } catch (error) {
      const failure = failureOf(error);
      // A refusal created nothing, and its answer is what the key replays: the next try (say,
      // once submission is switched back on) needs a key of its own. Network errors and 5xx
      // keep the key, so a retry can never make the lead twice.
      if (failure.status >= 400 && failure.status < 500) this.attempt = null;
      return { failure };
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }
}
