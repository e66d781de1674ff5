import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@leadbridge/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Webhook } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';

export function useEventTypes() {
  return useQuery(queries.eventTypes());
}

export type EventType = WebhookEndpoint['events'][number];

/** Checkboxes for the events an endpoint receives, each with what it means. */
export function EventPicker({
  value,
  onChange,
  error,
}: {
  value: EventType[];
  onChange: (v: EventType[]) => void;
  error?: string;
}) {
  const types = useEventTypes();
  return (
    <fieldset className="fieldset stack-sm">
      <legend className="field-label">Events</legend>
      {types.isPending && <LoadingState />}
      {types.data?.map((t) => (
        <label key={t.type} className="checkbox" style={{ alignItems: 'flex-start' }}>
          <input
            type="checkbox"
            checked={value.includes(t.type)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, t.type] : value.filter((v) => v !== t.type))
            }
          />
          <span>
            <code>{t.type}</code> <span className="subtle">— {t.description}</span>
          </span>
        </label>
      ))}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

/** A signing secret, shown once after create or rotate. */
export function SecretOnce({ endpoint }: { endpoint: WebhookEndpointWithSecret }) {
  return (
    <div className="stack">
      <Alert kind="warning">
        Copy the signing secret now: it is shown only once. Verify each delivery with it (Standard
        Webhooks).
      </Alert>
      <div className="secret">
        <span data-testid="webhook-secret">{endpoint.secret}</span>
        <CopyButton text={endpoint.secret} />
      </div>
      <pre className="code-block">{`const event = await Leadbridge.webhooks.verify(rawBody, request.headers, process.env.LEADBRIDGE_WEBHOOK_SECRET);`}</pre>
    </div>
  );
}

function CreateEndpointDialog({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>(['lead.created', 'lead.stage_changed']);
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  const create = useMutation({
    mutationFn: () =>
      lb.webhooks.endpoints.create({
        url,
        events,
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: (endpoint) => {
      setCreated(endpoint);
      void client.invalidateQueries({ queryKey: queries.webhookEndpoints.all });
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  if (created) {
    return (
      <Dialog
        open
        title="Endpoint created"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <SecretOnce endpoint={created} />
      </Dialog>
    );
  }
  return (
    <Dialog open title="Add a webhook endpoint" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(create.error)}</Alert>
        )}
        <Field
          label="Endpoint URL"
          hint="HTTPS URL that receives a signed POST per event."
          error={errors.url}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              type="url"
              placeholder="https://example.com/webhooks/leadbridge"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <Field label="Description (optional)" error={errors.description}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <EventPicker value={events} onChange={setEvents} error={errors.events} />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Add endpoint
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function WebhooksSection() {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const endpoints = useQuery(queries.webhookEndpoints());
  const toggle = useMutation({
    mutationFn: (endpoint: WebhookEndpoint) =>
      lb.webhooks.endpoints.update(endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: (endpoint) => {
      toast.show(
        endpoint.enabled ? 'Endpoint enabled' : 'Endpoint disabled: events are not sent to it',
      );
      void client.invalidateQueries({ queryKey: queries.webhookEndpoints.all });
    },
    onError: (error) => toast.show(errorMessage(error), { kind: 'error' }),
  });
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <div className="card-header">
        <h2 id="webhooks-title">Webhooks</h2>
        {canWrite && (
          <Button variant="primary" size="sm" onClick={() => setCreating(true)}>
            Add endpoint
          </Button>
        )}
      </div>
      <div className="card-body">
        {endpoints.isPending ? (
          <LoadingState />
        ) : endpoints.isError ? (
          <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />
        ) : endpoints.data.length === 0 ? (
          <EmptyState icon={<Webhook size={22} />} title="No webhook endpoints">
            Get a signed POST when leads arrive or move, customers pay, commissions are earned and
            imports finish.
          </EmptyState>
        ) : (
          <ul className="simple-list">
            {endpoints.data.map((endpoint) => (
              <li key={endpoint.id} className="row-between" data-endpoint-url={endpoint.url}>
                <div className="stack-sm" style={{ gap: 2, minWidth: 0 }}>
                  <Link
                    to={`/developers/webhooks/${endpoint.id}`}
                    className="mono"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {endpoint.url}
                  </Link>
                  <span className="subtle">
                    {endpoint.description ? `${endpoint.description} · ` : ''}
                    {endpoint.events.length} {endpoint.events.length === 1 ? 'event' : 'events'}
                  </span>
                </div>
                <label className="switch">
                  <input
                    type="checkbox"
                    checked={endpoint.enabled}
                    disabled={!canWrite || toggle.isPending}
                    onChange={() => toggle.mutate(endpoint)}
                    aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.url}`}
                  />
                  <span className="subtle">{endpoint.enabled ? 'Enabled' : 'Disabled'}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {creating && <CreateEndpointDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
