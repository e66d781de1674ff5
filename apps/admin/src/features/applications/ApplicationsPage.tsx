import type { PartnerApplication } from '@leadbridge/sdk';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { usePrograms } from '../../api/programs';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FilterBar, ProgramFilter, SelectFilter, useUrlFilters } from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, SkeletonRows } from '../../ui/States';
import { useToast } from '../../ui/Toast';

const STATUSES = [
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'declined', label: 'Declined' },
] as const;
type Status = (typeof STATUSES)[number]['value'];

function isStatus(value: string): value is Status {
  return STATUSES.some((status) => status.value === value);
}

/** The answers as "question: answer" lines, in the program's order. */
function AnswerList({ application }: { application: PartnerApplication }) {
  const programs = usePrograms();
  const questions =
    programs.data?.find((program) => program.id === application.programId)?.applicationQuestions
      .fields ?? [];
  const entries = Object.entries(application.answers);
  if (entries.length === 0) return null;
  return (
    <dl className="answers">
      {entries.map(([key, value]) => {
        const question = questions.find((field) => field.key === key);
        const shown = Array.isArray(value)
          ? value.join(', ')
          : typeof value === 'boolean'
            ? value
              ? 'Yes'
              : 'No'
            : String(value);
        const option = question?.options?.find((candidate) => candidate.value === shown);
        return (
          <div key={key}>
            <dt>{question?.label ?? key}</dt>
            <dd>{option?.label ?? shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * People who applied to join a program and confirmed their email: approve (they are enrolled and
 * emailed where to sign in) or decline (they are told, with the reason if given), one by one or
 * selected together.
 */
export function ApplicationsPage() {
  useTitle('Applications');
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const { get, set } = useUrlFilters();
  const status = get('status') || 'pending';
  const programId = get('program');
  const [selected, setSelected] = useState<string[]>([]);
  const [declining, setDeclining] = useState<string[] | null>(null);
  const query = useInfiniteQuery(
    queries.applicationPages({
      ...(isStatus(status) ? { status } : {}),
      ...(programId ? { programId } : {}),
    }),
  );
  const applications = query.data?.pages.flatMap((page) => page.data) ?? [];
  const pending = applications.filter((application) => application.status === 'pending');

  const decide = useMutation({
    mutationFn: (input: { ids: string[]; decision: 'approve' | 'decline'; reason?: string }) =>
      lb.applications.bulkDecide({
        ids: input.ids,
        decision: input.decision,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: (results, input) => {
      invalidateArea(client, 'applications', 'partners');
      const done = results.filter((result) => result.ok).length;
      const failed = results.find((result) => !result.ok);
      const verb = input.decision === 'approve' ? 'approved' : 'declined';
      toast.show(
        failed
          ? `${done} ${verb}; ${results.length - done} could not be: ${failed.detail ?? failed.code}`
          : done === 1
            ? `Application ${verb}`
            : `${done} applications ${verb}`,
      );
      setSelected([]);
      setDeclining(null);
    },
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <div className="page">
      <PageHeader
        title="Applications"
        description="People who applied to join your programs and confirmed their email."
      />
      <FilterBar>
        <SelectFilter
          id="applications-status"
          label="Status"
          value={isStatus(status) ? status : ''}
          onChange={(value) => {
            set('status', value || 'all');
            setSelected([]);
          }}
          anyLabel="All applications"
          options={STATUSES}
        />
        <ProgramFilter
          id="applications-program"
          value={programId}
          onChange={(value) => set('program', value)}
        />
      </FilterBar>
      {canWrite && selected.length > 0 && (
        <section className="bulk-bar" aria-label="Bulk actions">
          <strong>{selected.length} selected</strong>
          <Button
            size="sm"
            loading={decide.isPending && decide.variables?.decision === 'approve'}
            onClick={() => decide.mutate({ ids: selected, decision: 'approve' })}
          >
            Approve selected
          </Button>
          <Button size="sm" onClick={() => setDeclining(selected)}>
            Decline selected
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected([])}>
            Clear
          </Button>
        </section>
      )}
      {decide.isError && <Alert kind="error">{errorMessage(decide.error)}</Alert>}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !query.isPending && applications.length === 0 ? (
        <div className="card">
          <EmptyState icon={<UserPlus size={22} />} title="No applications here">
            Open a program to applications in its settings (Programs → Applications): people then
            apply in the widget or on the hosted portal.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {canWrite && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select every pending application"
                      checked={pending.length > 0 && selected.length === pending.length}
                      disabled={pending.length === 0}
                      onChange={(event) =>
                        setSelected(event.target.checked ? pending.map((a) => a.id) : [])
                      }
                    />
                  </th>
                )}
                <th scope="col">Applicant</th>
                <th scope="col">Answers</th>
                <th scope="col">Status</th>
                <th scope="col">Applied</th>
                {canWrite && <th scope="col">Decision</th>}
              </tr>
            </thead>
            <tbody>
              {query.isPending ? (
                <SkeletonRows rows={4} columns={canWrite ? 6 : 4} />
              ) : (
                applications.map((application) => (
                  <tr key={application.id}>
                    {canWrite && (
                      <td>
                        {application.status === 'pending' && (
                          <input
                            type="checkbox"
                            aria-label={`Select ${application.name}`}
                            checked={selected.includes(application.id)}
                            onChange={(event) => toggle(application.id, event.target.checked)}
                          />
                        )}
                      </td>
                    )}
                    <td>
                      <strong>{application.name}</strong>
                      <div className="subtle">{application.email}</div>
                      {application.company && <div className="subtle">{application.company}</div>}
                      {application.website && (
                        <div className="subtle">
                          <a href={application.website} target="_blank" rel="noreferrer noopener">
                            {application.website.replace(/^https?:\/\//, '')}
                          </a>
                        </div>
                      )}
                    </td>
                    <td>
                      <AnswerList application={application} />
                    </td>
                    <td>
                      <StatusBadge status={application.status} />
                      {application.declineReason && (
                        <div className="subtle">“{application.declineReason}”</div>
                      )}
                    </td>
                    <td className="nowrap">{formatDate(application.appliedAt)}</td>
                    {canWrite && (
                      <td>
                        {application.status === 'pending' && (
                          <div className="row">
                            <Button
                              size="sm"
                              variant="primary"
                              aria-label={`Approve ${application.name}`}
                              onClick={() =>
                                decide.mutate({ ids: [application.id], decision: 'approve' })
                              }
                            >
                              Approve
                            </Button>
                            <Button
                              size="sm"
                              aria-label={`Decline ${application.name}`}
                              onClick={() => setDeclining([application.id])}
                            >
                              Decline
                            </Button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load more
        </Button>
      )}
      {declining && (
        <DeclineDialog
          count={declining.length}
          busy={decide.isPending}
          onClose={() => setDeclining(null)}
          onDecline={(reason) => decide.mutate({ ids: declining, decision: 'decline', reason })}
        />
      )}
    </div>
  );
}

function DeclineDialog({
  count,
  busy,
  onClose,
  onDecline,
}: {
  count: number;
  busy: boolean;
  onClose: () => void;
  onDecline: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDecline(reason.trim());
  };
  return (
    <Dialog
      open
      title={count === 1 ? 'Decline the application' : `Decline ${count} applications`}
      onClose={onClose}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <p>
          {count === 1 ? 'The applicant is' : 'Each applicant is'} emailed politely, in the language
          they applied in.
        </p>
        <Field label="Reason (optional)" hint="Quoted in the email as you write it.">
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" loading={busy}>
            Decline
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
