import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Settings2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { usePrograms } from '../../api/programs';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { CURRENCIES } from './currencies';
import './programs.css';

function CreateProgramDialog({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const create = useMutation({
    mutationFn: () => lb.programs.create({ name, currency }),
    onSuccess: (program) => {
      // In the cache at once: the refetch below is cancelled when this page unmounts.
      client.setQueryData(queries.programs.key(), (list) => list && [...list, program]);
      void client.invalidateQueries({ queryKey: queries.programs.key() });
      onClose();
      navigate(`/programs/${program.id}?tab=form`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open title="New partner program" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(create.error)}</Alert>
        )}
        <Field label="Name" hint="Partners see it, e.g. “Reseller program”." error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Currency" hint="For commissions and revenue." error={errors.currency}>
          {(c) => (
            <select
              {...c}
              className="select"
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
            >
              {CURRENCIES.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create program
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ProgramsPage() {
  useTitle('Programs');
  const programs = usePrograms();
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Programs"
        description="Each program has its own lead form, stages, offer and partners."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New program
            </Button>
          )
        }
      />
      {programs.isPending ? (
        <LoadingState />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={<Settings2 size={22} />}
            title="No programs yet"
            action={
              canWrite ? (
                <Button variant="primary" onClick={() => setCreating(true)}>
                  Create your first program
                </Button>
              ) : undefined
            }
          >
            A program is what partners join: it has a lead form to embed on your site and an offer
            for what they earn.
          </EmptyState>
        </div>
      ) : (
        <ul className="program-cards">
          {programs.data.map((p) => (
            <li key={p.id} className="card card-body stack-sm">
              <div className="row-between">
                <h2 className="section-title">
                  <Link to={`/programs/${p.id}`}>{p.name}</Link>
                </h2>
                <StatusBadge status={p.status} />
              </div>
              <p className="subtle">
                {p.currency} · created {formatDate(p.createdAt)} · submission{' '}
                {p.leadSubmissionEnabled ? 'on' : 'off'} · import{' '}
                {p.leadImportEnabled ? 'on' : 'off'}
              </p>
              {p.offerDescription.length > 0 ? (
                <ul className="offer-lines">
                  {p.offerDescription.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="subtle">No offer yet.</p>
              )}
              <div className="row">
                <Link className="btn btn-sm" to={`/programs/${p.id}?tab=form`}>
                  Lead form
                </Link>
                <Link className="btn btn-sm" to={`/programs/${p.id}?tab=embed`}>
                  Embed
                </Link>
                <Link className="btn btn-sm" to={`/leads?program=${p.id}`}>
                  Leads
                </Link>
                <a className="btn btn-sm" href={p.hostedPortalUrl} target="_blank" rel="noreferrer">
                  Hosted portal
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateProgramDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
