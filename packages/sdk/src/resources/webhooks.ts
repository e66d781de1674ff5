import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  ListQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventTypeList,
} from '../types.js';
import type { WebhookEvent } from '../webhooks/events.js';
import {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
} from '../webhooks/verify.js';
import { Resource } from './resource.js';

/** Endpoints that receive the company's webhooks. */
export class WebhookEndpoints extends Resource {
  /** The company's endpoints. */
  async list(options?: RequestOptions): Promise<WebhookEndpoint[]> {
    const { data } = await this.core.run(
      this.core.http.GET('/v1/webhook-endpoints', this.core.init('GET', options)),
    );
    return data;
  }

  /**
   * Subscribes a URL to events. The answer's `secret` (`whsec_…`) is the only time it is shown:
   * store it for {@link verifyWebhook}. Private and loopback addresses are refused.
   */
  create(
    body: BodyOf<'createWebhookEndpoint'>,
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret> {
    return this.core.run(
      this.core.http.POST('/v1/webhook-endpoints', { body, ...this.core.init('POST', options) }),
    );
  }

  /** One endpoint. */
  get(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.core.run(
      this.core.http.GET('/v1/webhook-endpoints/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Changes the URL, events, description or enabled switch. */
  update(
    id: string,
    body: BodyOf<'updateWebhookEndpoint'>,
    options?: RequestOptions,
  ): Promise<WebhookEndpoint> {
    return this.core.run(
      this.core.http.PATCH('/v1/webhook-endpoints/{id}', {
        params: { path: { id } },
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }

  /** Deletes the endpoint with its delivery log. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/webhook-endpoints/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }

  /** A new signing secret (shown once); the old one keeps signing too for 24 hours. */
  rotateSecret(id: string, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return this.core.run(
      this.core.http.POST('/v1/webhook-endpoints/{id}/rotate-secret', {
        params: { path: { id } },
        ...this.core.init('POST', options),
      }),
    );
  }
}

/** Every delivery of an event to an endpoint, with each attempt. */
export class WebhookDeliveries extends Resource {
  /** The endpoint's deliveries, newest first, each with every attempt. */
  list(
    endpointId: string,
    query: ListQuery<'listWebhookDeliveries'> = {},
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery, WebhookDeliveryPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/webhook-endpoints/{id}/deliveries', {
            params: { path: { id: endpointId }, query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Queues the delivery again now, with a fresh run of retries. */
  resend(deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.core.run(
      this.core.http.POST('/v1/webhook-deliveries/{id}/resend', {
        params: { path: { id: deliveryId } },
        ...this.core.init('POST', options),
      }),
    );
  }
}

/** Webhooks: endpoints, their delivery log, and verifying what arrives. */
export class Webhooks extends Resource {
  /** Endpoints that receive events. */
  readonly endpoints = new WebhookEndpoints(this.core);
  /** The delivery log, and re-sending. */
  readonly deliveries = new WebhookDeliveries(this.core);

  /** The event types an endpoint can subscribe to, with what each means. */
  async eventTypes(options?: RequestOptions): Promise<WebhookEventTypeList['data']> {
    const { data } = await this.core.run(
      this.core.http.GET('/v1/webhook-event-types', this.core.init('GET', options)),
    );
    return data;
  }

  /**
   * Checks a received webhook's signature and timestamp and returns its event; see
   * {@link verifyWebhook}. Needs no API access (also `Leadbridge.webhooks.verify`).
   */
  verify<T = WebhookEvent>(
    payload: string | Uint8Array | ArrayBuffer,
    headers: WebhookHeaders,
    secret: string,
    options?: VerifyWebhookOptions,
  ): Promise<T> {
    return verifyWebhook<T>(payload, headers, secret, options);
  }
}
