import type { Program, SetupProgress } from '@leadbridge/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite, useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { Alert } from '../../ui/States';
import { InvitePartnerDialog } from '../partners/InvitePartnerDialog';
import { CURRENCIES } from '../programs/currencies';
import {
  embedSnippet,
  originOf,
  originsSettingsPath,
  suggestedSite,
} from '../programs/embed-snippet';
import './setup.css';

type StepKey = SetupProgress['steps'][number]['key'];

const TITLES: Record<StepKey, string> = {
  create_program: 'Create your partner program',
  allow_origins: 'Say where the form will live',
  share_form: 'Put the form where partners will find it',
  invite_partner: 'Invite your first partner',
  first_lead: 'Your first lead arrives',
};

function useRefreshSetup() {
  const client = useQueryClient();
  return (program?: Program) => {
    if (program) {
      client.setQueryData(queries.program.key(program.id), program);
      client.setQueryData(queries.programs.key(), (list) =>
        list && !list.some((p) => p.id === program.id)
          ? [...list, program]
          : list?.map((p) => (p.id === program.id ? program : p)),
      );
    }
    void client.invalidateQueries({ queryKey: queries.programs.key() });
    void client.invalidateQueries({ queryKey: queries.setupProgress.key() });
  };
}

function CreateProgramStep() {
  const refresh = useRefreshSetup();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const create = useMutation({
    mutationFn: () => lb.programs.create({ name, currency }),
    onSuccess: (program) => refresh(program),
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="setup-form" onSubmit={submit} noValidate>
      <p className="muted">
        A program is what partners join: its lead form, the stages a lead goes through and what
        partners earn. You can change all of it later.
      </p>
      {create.isError && Object.keys(errors).length === 0 && (
        <Alert kind="error">{errorMessage(create.error)}</Alert>
      )}
      <div className="setup-fields">
        <Field
          label="Program name"
          hint="Partners see it, e.g. “Reseller program”."
          error={errors.name}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Currency" hint="Commissions are paid in it." error={errors.currency}>
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
      </div>
      <div>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create program
        </Button>
      </div>
    </form>
  );
}

function OriginsStep({ program }: { program: Program }) {
  const session = useSession();
  const refresh = useRefreshSetup();
  const [address, setAddress] = useState(() => suggestedSite(session.user.email) ?? '');
  const [error, setError] = useState<string>();
  const origin = originOf(address);
  const save = useMutation({
    mutationFn: (allowed: string) =>
      lb.programs.update(program.id, {
        allowedOrigins: [...program.allowedOrigins, allowed],
      }),
    onSuccess: (saved) => refresh(saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!origin) {
      setError('Enter the web address of the page, e.g. https://www.example.com/partners.');
      return;
    }
    setError(undefined);
    save.mutate(origin);
  };
  return (
    <form className="setup-form" onSubmit={submit} noValidate>
      <p className="muted">
        Partners use the form on a page of your website. So that nobody can put your form on their
        site, it only works on the sites you allow. Enter the address of the page where you will
        paste it.
      </p>
      {save.isError && (
        <Alert kind="error">
          {fieldErrors(save.error)['allowedOrigins.0'] ?? errorMessage(save.error)}
        </Alert>
      )}
      <Field
        label="Address of your partners page"
        hint={
          origin
            ? `Leadbridge will allow ${origin} (every page of that site).`
            : 'For example https://www.example.com/partners.'
        }
        error={error}
      >
        {(c) => (
          <input
            {...c}
            className="input"
            type="url"
            inputMode="url"
            placeholder="https://www.example.com/partners"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        )}
      </Field>
      <div className="row">
        <Button type="submit" variant="primary" loading={save.isPending}>
          Allow this site
        </Button>
        <Link to={originsSettingsPath(program.id)}>Edit allowed sites in the program settings</Link>
      </div>
      <div className="setup-alternative">
        <p className="subtle">
          No website, or no one to change it? Partners can use a page Leadbridge hosts for you, with
          your name and colours. It needs no setting: open it once to use it.
        </p>
        <a className="btn btn-sm" href={program.hostedPortalUrl} target="_blank" rel="noreferrer">
          Use the hosted portal instead
        </a>
      </div>
    </form>
  );
}

function ShareStep({ program }: { program: Program }) {
  const snippet = embedSnippet(program.publishableKey);
  return (
    <div className="setup-form">
      <p className="muted">
        Either paste the form into your website, or send partners to the portal Leadbridge hosts for
        you. This step ticks itself off as soon as the form loads in one of them.
      </p>
      <div className="setup-choices">
        <section className="setup-choice" aria-labelledby="share-site">
          <h3 id="share-site">On your website</h3>
          <p className="subtle">
            Paste these two lines into your partners page
            {program.allowedOrigins[0] ? ` on ${program.allowedOrigins[0]}` : ''}.
          </p>
          <pre className="code-block" data-testid="setup-snippet">
            {snippet}
          </pre>
          <div className="row">
            <CopyButton text={snippet} label="Copy snippet" />
            <Link to={`/programs/${program.id}?tab=embed`}>More about embedding</Link>
          </div>
        </section>
        <section className="setup-choice" aria-labelledby="share-portal">
          <h3 id="share-portal">On your hosted portal</h3>
          <p className="subtle">
            A page with your name, logo and colours. No website or developer needed.
          </p>
          <p className="setup-link" data-testid="setup-portal-url">
            {program.hostedPortalUrl}
          </p>
          <div className="row">
            <a
              className="btn btn-sm btn-primary"
              href={program.hostedPortalUrl}
              target="_blank"
              rel="noreferrer"
            >
              Open hosted portal
            </a>
            <CopyButton text={program.hostedPortalUrl} label="Copy link" />
            <Link to={`/programs/${program.id}?tab=general#branding`}>
              Add your logo and colour
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}

function InviteStep({ program }: { program: Program }) {
  const refresh = useRefreshSetup();
  const [open, setOpen] = useState(false);
  return (
    <div className="setup-form">
      <p className="muted">
        Partners sign in with a one-time code emailed to them, so only partners you invite can
        submit leads. The invitation tells them where:{' '}
        {program.portalUrl ?? program.hostedPortalUrl}.
      </p>
      <div>
        <Button variant="primary" onClick={() => setOpen(true)}>
          Invite a partner
        </Button>
      </div>
      <InvitePartnerDialog open={open} onClose={() => setOpen(false)} onInvited={() => refresh()} />
    </div>
  );
}

function FirstLeadStep({ program }: { program: Program }) {
  return (
    <div className="setup-form">
      <p className="muted" role="status">
        Waiting for a partner’s first lead. It appears here and under Leads the moment they submit
        it. Want to see it work? Open the{' '}
        <a href={program.portalUrl ?? program.hostedPortalUrl} target="_blank" rel="noreferrer">
          partner portal
        </a>{' '}
        as your partner would.
      </p>
    </div>
  );
}

function doneNote(key: StepKey, program: Program | undefined, progress: SetupProgress): ReactNode {
  switch (key) {
    case 'create_program':
      return program ? (
        <>
          <Link to={`/programs/${program.id}`}>{program.name}</Link> is ready.
        </>
      ) : null;
    case 'allow_origins':
      return program?.allowedOrigins.length
        ? `The form may run on ${program.allowedOrigins.join(', ')}.`
        : 'Not needed: your partners use the hosted portal.';
    case 'share_form':
      return (
        <>
          {progress.formFirstLoadedFrom === 'portal'
            ? 'Your hosted portal is open.'
            : progress.formFirstLoadedFrom
              ? `The form loaded on ${progress.formFirstLoadedFrom}.`
              : 'The form is in use.'}{' '}
          {program && (
            <Link to={`/programs/${program.id}?tab=general#branding`}>
              Add your logo and colour
            </Link>
          )}
        </>
      );
    case 'invite_partner':
      return (
        <>
          Your partner is invited. <Link to="/partners">Partners</Link>
        </>
      );
    case 'first_lead':
      return (
        <>
          Your first lead is here. <Link to="/leads">Open Leads</Link>
        </>
      );
  }
}

/**
 * What a brand-new company sees instead of an empty dashboard: the five steps to a partner's
 * first lead, each ticked off by the company's real data (refetched while it waits).
 */
export function SetupChecklist({
  progress,
  programs,
  onFinished,
}: {
  progress: SetupProgress;
  programs: Program[] | undefined;
  onFinished: () => void;
}) {
  const session = useSession();
  const canWrite = useCanWrite();
  const listed = programs?.find((p) => p.id === progress.programId);
  // A program made elsewhere a moment ago may not be in the cached list yet.
  const fetched = useQuery({
    ...queries.program(progress.programId ?? ''),
    enabled: !!progress.programId && !listed,
  });
  const program = listed ?? fetched.data;
  const current = progress.steps.find((step) => !step.done)?.key;
  const doneCount = progress.steps.filter((step) => step.done).length;
  const firstName = session.user.name.split(' ')[0] || session.user.name;
  const body = (key: StepKey) => {
    if (!canWrite) return <p className="subtle">An owner or admin of your team does this step.</p>;
    if (key === 'create_program') return <CreateProgramStep />;
    if (!program) return null;
    if (key === 'allow_origins') return <OriginsStep program={program} />;
    if (key === 'share_form') return <ShareStep program={program} />;
    if (key === 'invite_partner') return <InviteStep program={program} />;
    return <FirstLeadStep program={program} />;
  };
  return (
    <div className="page setup">
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`Five steps from here to the first lead a partner brings ${session.company.name}.`}
      />
      <section className="card setup-card" aria-labelledby="setup-title">
        <div className="card-header">
          <h2 id="setup-title">Set up your partner program</h2>
          <span className="subtle" data-testid="setup-count">
            {doneCount} of {progress.steps.length} done
          </span>
        </div>
        <progress className="setup-progress" max={progress.steps.length} value={doneCount}>
          {doneCount} of {progress.steps.length}
        </progress>
        <ol className="setup-steps">
          {progress.steps.map((step, index) => {
            const state = step.done ? 'done' : step.key === current ? 'current' : 'todo';
            return (
              <li
                key={step.key}
                className={`setup-step setup-step-${state}`}
                data-step={step.key}
                data-state={state}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="setup-marker" aria-hidden="true">
                  {step.done ? '' : index + 1}
                </span>
                <div className="setup-step-body">
                  <h3>
                    {TITLES[step.key]}
                    <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                  </h3>
                  {step.done && <p className="subtle">{doneNote(step.key, program, progress)}</p>}
                  {state === 'current' && body(step.key)}
                </div>
              </li>
            );
          })}
        </ol>
        {progress.complete && (
          <div className="setup-finished" role="status">
            <p>
              <strong>You are set up.</strong> Your partners can submit leads, and you will find
              every one of them on the dashboard.
            </p>
            <Button variant="primary" onClick={onFinished}>
              Go to the dashboard
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
