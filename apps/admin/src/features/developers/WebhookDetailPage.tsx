import type { WebhookDelivery, WebhookEndpointWithSecret } from '@leadbridge/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SearchX, Webhook } from 'lucide-react';
import { type CSSProperties, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors, isStatus } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { EventPicker, type EventType, SecretOnce } from './WebhooksSection';

/**
 * Text that may scroll (a payload, a response): a named region keyboard users can focus to
 * scroll, as WCAG asks of scrollable areas.
 */
function ScrollRegion({
  label,
  className,
  style,
  children,
}: {
  label: string;
  className: string;
  style?: CSSProperties;
  children: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section aria-label={label} tabIndex={0} className={className} style={style}>
      <pre className="scroll-text">{children}</pre>
    </section>
  );
}

function DeliveryRow({ delivery, canWrite }: { delivery: WebhookDelivery; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const toast = useToast();
  const resend = useMutation({
    mutationFn: () => lb.webhooks.deliveries.resend(delivery.id),
    onSuccess: () => {
      toast.show('Delivery queued again');
      void client.invalidateQueries({ queryKey: queries.deliveryPages.all });
    },
    onError: (error) => toast.show(errorMessage(error), { kind: 'error' }),
  });
  const last = delivery.attempts[delivery.attempts.length - 1];
  return (
    <>
      <tr data-delivery-id={delivery.id}>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <code>{delivery.eventType}</code>
          </button>
        </td>
        <td>
          <StatusBadge status={delivery.status} />
        </td>
        <td className="num">{delivery.attemptCount}</td>
        <td className="num">{delivery.lastStatusCode ?? '—'}</td>
        <td className="num">{last?.latencyMs != null ? `${last.latencyMs} ms` : '—'}</td>
        <td className="nowrap" title={formatDateTime(delivery.createdAt)}>
          {formatRelative(delivery.createdAt)}
        </td>
        <td>
          {canWrite && (
            <Button size="sm" onClick={() => resend.mutate()} loading={resend.isPending}>
              Re-send
            </Button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="delivery-detail">
          <td colSpan={7}>
            <div className="grid-2">
              <div className="stack-sm">
                <h3 className="section-title">Attempts</h3>
                {delivery.attempts.length === 0 ? (
                  <p className="subtle">
                    Not attempted yet
                    {delivery.nextAttemptAt
                      ? ` · next ${formatRelative(delivery.nextAttemptAt)}`
                      : ''}
                    .
                  </p>
                ) : (
                  <ol className="attempts">
                    {delivery.attempts.map((a) => (
                      <li key={a.id}>
                        <div className="row">
                          <strong>{a.statusCode ?? 'No response'}</strong>
                          <span className="subtle">
                            {formatDateTime(a.attemptedAt)}
                            {a.latencyMs != null && ` · ${a.latencyMs} ms`}
                          </span>
                        </div>
                        {a.error && <div className="field-error">{a.error}</div>}
                        {a.responseExcerpt && (
                          <ScrollRegion label="Response excerpt" className="excerpt">
                            {a.responseExcerpt}
                          </ScrollRegion>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
                {delivery.nextAttemptAt && delivery.status === 'pending' && (
                  <p className="subtle">Next retry {formatRelative(delivery.nextAttemptAt)}.</p>
                )}
              </div>
              <div className="stack-sm">
                <h3 className="section-title">Payload</h3>
                <ScrollRegion
                  label="Event payload"
                  className="code-block"
                  style={{ maxHeight: 280, overflow: 'auto' }}
                >
                  {JSON.stringify(delivery.payload, null, 2)}
                </ScrollRegion>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

export function WebhookDetailPage() {
  const { id = '' } = useParams();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'' | WebhookDelivery['status']>('');
  const [events, setEvents] = useState<EventType[] | null>(null);
  const [rotated, setRotated] = useState<WebhookEndpointWithSecret | null>(null);
  const endpoint = useQuery(queries.webhookEndpoint(id));
  const deliveries = useInfiniteQuery({
    ...queries.deliveryPages(id, status),
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((d) => d.status === 'pending')) ? 3000 : false,
  });
  const update = useMutation({
    mutationFn: (body: Parameters<typeof lb.webhooks.endpoints.update>[1]) =>
      lb.webhooks.endpoints.update(id, body),
    onSuccess: (saved) => {
      client.setQueryData(queries.webhookEndpoint.key(id), saved);
      void client.invalidateQueries({ queryKey: queries.webhookEndpoints.all });
      setEvents(null);
      toast.show('Endpoint saved');
    },
  });
  const rotate = useMutation({
    mutationFn: () => lb.webhooks.endpoints.rotateSecret(id),
    onSuccess: setRotated,
  });
  const remove = useMutation({
    mutationFn: () => lb.webhooks.endpoints.delete(id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queries.webhookEndpoints.all });
      navigate('/developers');
    },
  });
  useTitle('Webhook endpoint');
  if (endpoint.isPending) return <LoadingState />;
  if (endpoint.isError) {
    return isStatus(endpoint.error, 404) ? (
      <EmptyState
        icon={<SearchX size={22} />}
        title="Endpoint not found"
        action={<Link to="/developers">Back to developers</Link>}
      />
    ) : (
      <ErrorState error={endpoint.error} onRetry={() => endpoint.refetch()} />
    );
  }
  const e = endpoint.data;
  const list = deliveries.data?.pages.flatMap((p) => p.data) ?? [];
  const errors = fieldErrors(update.error);
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/developers', label: 'Developers' }}
        title={
          <span className="mono" style={{ wordBreak: 'break-all' }}>
            {e.url}
          </span>
        }
        description={e.description ?? undefined}
        actions={
          canWrite && (
            <>
              <Button
                onClick={() => update.mutate({ enabled: !e.enabled })}
                loading={update.isPending && events === null}
              >
                {e.enabled ? 'Disable' : 'Enable'}
              </Button>
              <Button onClick={() => rotate.mutate()} loading={rotate.isPending}>
                Rotate secret
              </Button>
              <Button
                variant="danger"
                loading={remove.isPending}
                onClick={() =>
                  window.confirm('Delete this endpoint and its delivery log?') && remove.mutate()
                }
              >
                Delete
              </Button>
            </>
          )
        }
      />
      {!e.enabled && (
        <Alert kind="warning">This endpoint is disabled: no events are sent to it.</Alert>
      )}
      {update.isError && Object.keys(errors).length === 0 && (
        <Alert kind="error">{errorMessage(update.error)}</Alert>
      )}
      <section className="card card-body stack" aria-label="Subscribed events">
        <EventPicker
          value={events ?? e.events}
          onChange={canWrite ? setEvents : () => {}}
          error={errors.events}
        />
        {events && (
          <div className="form-actions">
            <Button onClick={() => setEvents(null)}>Discard</Button>
            <Button
              variant="primary"
              onClick={() => update.mutate({ events })}
              loading={update.isPending}
            >
              Save events
            </Button>
          </div>
        )}
      </section>
      <section className="stack-sm" aria-labelledby="deliveries-title">
        <div className="row-between">
          <h2 id="deliveries-title" className="section-title">
            Delivery log
          </h2>
          <div className="row">
            <label className="visually-hidden" htmlFor="delivery-status">
              Status
            </label>
            <select
              id="delivery-status"
              className="select"
              style={{ width: 'auto' }}
              value={status}
              onChange={(ev) => setStatus(ev.target.value as typeof status)}
            >
              <option value="">All deliveries</option>
              <option value="pending">Pending</option>
              <option value="succeeded">Succeeded</option>
              <option value="failed">Failed</option>
            </select>
          </div>
        </div>
        {deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />
        ) : deliveries.isPending ? (
          <LoadingState />
        ) : list.length === 0 ? (
          <div className="card">
            <EmptyState icon={<Webhook size={22} />} title="No deliveries yet">
              Deliveries appear here as subscribed events happen.
            </EmptyState>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Attempts
                  </th>
                  <th scope="col" className="num">
                    Response
                  </th>
                  <th scope="col" className="num">
                    Latency
                  </th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <DeliveryRow key={d.id} delivery={d} canWrite={canWrite} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {deliveries.hasNextPage && (
          <Button
            onClick={() => deliveries.fetchNextPage()}
            loading={deliveries.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </section>
      {rotated && (
        <Dialog
          open
          title="New signing secret"
          onClose={() => setRotated(null)}
          footer={
            <Button variant="primary" onClick={() => setRotated(null)}>
              Done
            </Button>
          }
        >
          <div className="stack">
            <p className="muted">
              The previous secret keeps signing deliveries for 24 hours, so you can switch without
              missing events.
            </p>
            <SecretOnce endpoint={rotated} />
          </div>
        </Dialog>
      )}
      {rotate.isError && <Alert kind="error">{errorMessage(rotate.error)}</Alert>}
      {remove.isError && <Alert kind="error">{errorMessage(remove.error)}</Alert>}
    </div>
  );
}
