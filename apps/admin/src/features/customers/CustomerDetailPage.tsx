import { parseMoney } from '@leadbridge/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Coins, SearchX } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors, isStatus } from '../../api/errors';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate, formatDateTime, leadName } from '../../lib/format';
import { randomId } from '../../lib/id';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Records a payment (or a refund, negative) in the customer's currency units. */
function TransactionForm({ customerId, currency }: { customerId: string; currency: string }) {
  const client = useQueryClient();
  const toast = useToast();
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(today());
  const [amountError, setAmountError] = useState<string | undefined>();
  const record = useMutation({
    mutationFn: (minor: number) =>
      lb.customers.transactions.create(customerId, {
        amount: minor,
        currency,
        // The company's own id makes a double-submitted form record once; a fresh one otherwise.
        externalId: reference.trim() || `admin-${randomId()}`,
        ...(description.trim() ? { description: description.trim() } : {}),
        // Today means now (the server's clock): a payment recorded right after the win must
        // fall inside the commission window, which starts at the moment of the win. Another day
        // is taken at local noon, clear of time-zone edges.
        ...(date && date !== today()
          ? { occurredAt: new Date(`${date}T12:00:00`).toISOString() }
          : {}),
      }),
    onSuccess: (t) => {
      toast.show(`Recorded ${money(t.amount.amount, t.amount.currency)}`);
      setAmount('');
      setReference('');
      setDescription('');
      invalidateArea(client, 'customers', 'commissions', 'analytics', 'leads');
    },
  });
  const errors = fieldErrors(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoney(amount, currency);
    if (!parsed || parsed.amount === 0) {
      setAmountError(`Enter an amount in ${currency}, e.g. 49.99 (negative for a refund).`);
      return;
    }
    setAmountError(undefined);
    record.mutate(parsed.amount);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Record a transaction">
      {record.isError && Object.keys(errors).length === 0 && (
        <Alert kind="error">{errorMessage(record.error)}</Alert>
      )}
      <div className="grid-2">
        <Field
          label={`Amount (${currency})`}
          hint="Negative for a refund."
          error={amountError ?? errors.amount}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              placeholder="0.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field label="Date" error={errors.occurredAt}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Reference (optional)"
          hint="Your invoice or payment id; recording it twice records it once."
          error={errors.externalId}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
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
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={record.isPending}>
          Record transaction
        </Button>
      </div>
    </form>
  );
}

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const canWrite = useCanWrite();
  const customer = useQuery(queries.customer(id));
  const transactions = useInfiniteQuery(queries.transactionPages(id));
  useTitle(customer.data ? leadName(customer.data.lead) : 'Customer');
  if (customer.isPending) return <LoadingState />;
  if (customer.isError) {
    return isStatus(customer.error, 404) ? (
      <EmptyState
        icon={<SearchX size={22} />}
        title="Customer not found"
        action={<Link to="/customers">Back to customers</Link>}
      />
    ) : (
      <ErrorState error={customer.error} onRetry={() => customer.refetch()} />
    );
  }
  const c = customer.data;
  const list = transactions.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/customers', label: 'Customers' }}
        title={
          <span className="row">
            {leadName(c.lead)}{' '}
            <StatusBadge status={c.status} label={c.status === 'paid' ? 'Paid' : 'Signed up'} />
          </span>
        }
        description={
          <>
            {c.lead.email} · from <Link to={`/partners/${c.partner.id}`}>{c.partner.name}</Link> ·
            won {formatDate(c.wonAt)} · <Link to={`/leads/${c.lead.id}`}>open lead</Link>
          </>
        }
      />
      <div className="kpis" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' }}>
        <div className="card kpi">
          <span className="kpi-label">Revenue</span>
          <span className="kpi-value" data-testid="customer-revenue">
            {money(c.revenue.amount, c.revenue.currency)}
          </span>
        </div>
        <div className="card kpi">
          <span className="kpi-label">First paid</span>
          <span className="kpi-value">{c.firstPaidAt ? formatDate(c.firstPaidAt) : '—'}</span>
        </div>
      </div>
      <ReadOnlyNotice what="record transactions" />
      {canWrite && (
        <section className="card card-body stack" aria-labelledby="record-title">
          <h2 id="record-title" className="section-title">
            Record a transaction
          </h2>
          <TransactionForm customerId={c.id} currency={c.revenue.currency} />
        </section>
      )}
      <section className="stack-sm" aria-labelledby="tx-title">
        <h2 id="tx-title" className="section-title">
          Transactions
        </h2>
        {transactions.isError ? (
          <ErrorState error={transactions.error} onRetry={() => transactions.refetch()} />
        ) : transactions.isPending ? (
          <LoadingState />
        ) : list.length === 0 ? (
          <div className="card">
            <EmptyState icon={<Coins size={22} />} title="No transactions yet">
              Payments recorded here (or through the API) add to the customer's revenue and earn the
              partner commissions.
            </EmptyState>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <td className="nowrap">{formatDateTime(t.occurredAt)}</td>
                    <td className="mono">{t.externalId}</td>
                    <td>{t.description ?? <span className="subtle">—</span>}</td>
                    <td className="num">{money(t.amount.amount, t.amount.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {transactions.hasNextPage && (
          <Button
            onClick={() => transactions.fetchNextPage()}
            loading={transactions.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </section>
    </div>
  );
}
