import type { CreatedInvitation, User } from '@leadbridge/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Mail } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite, useSession } from '../../app/session';
import { formatDate, formatRelative } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';

type Role = User['role'];
const ROLE_HELP: Record<Role, string> = {
  owner: 'Everything, including the team and billing-critical settings.',
  admin: 'Everything except changing owners.',
  member: 'Reads everything; changes nothing.',
};

function InviteDialog({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invite = useMutation({
    mutationFn: () => lb.invitations.create({ email, role }),
    onSuccess: (inv) => {
      setCreated(inv);
      invalidateArea(client, 'team');
    },
  });
  const errors = fieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  if (created) {
    return (
      <Dialog
        open
        title="Invitation sent"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <div className="stack">
          <p>
            We emailed <strong>{created.email}</strong> a link to join as {created.role}. You can
            also share the link yourself; it is shown only now.
          </p>
          <div className="secret">
            <span data-testid="invite-url">{created.acceptUrl}</span>
            <CopyButton text={created.acceptUrl} />
          </div>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open title="Invite a teammate" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {invite.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(invite.error)}</Alert>
        )}
        <Field label="Email" error={errors.email}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="fieldset stack-sm">
          <legend className="field-label">Role</legend>
          {(['member', 'admin', 'owner'] as const).map((r) => (
            <label key={r} className="checkbox" style={{ alignItems: 'flex-start' }}>
              <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
              <span>
                <strong>{r[0]?.toUpperCase() + r.slice(1)}</strong>{' '}
                <span className="subtle">— {ROLE_HELP[r]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={invite.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function TeamPage() {
  useTitle('Team');
  const session = useSession();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const [inviting, setInviting] = useState(false);
  const users = useQuery(queries.users());
  const invitations = useQuery(queries.invitations());
  const done = (message: string) => () => {
    toast.show(message);
    invalidateArea(client, 'team');
  };
  const fail = (error: unknown) => toast.show(errorMessage(error), { kind: 'error' });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => lb.users.update(id, { role }),
    onSuccess: done('Role changed'),
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (id: string) => lb.users.remove(id),
    onSuccess: done('Removed from the team'),
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => lb.invitations.revoke(id),
    onSuccess: done('Invitation revoked'),
    onError: fail,
  });
  return (
    <div className="page">
      <PageHeader
        title="Team"
        description={`People who work ${session.company.name}'s partner programs.`}
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              Invite teammate
            </Button>
          )
        }
      />
      <ReadOnlyNotice what="invite people or change roles" />
      <section className="card" aria-labelledby="members-title">
        <div className="card-header">
          <h2 id="members-title">Members</h2>
        </div>
        <div className="card-body">
          {users.isPending ? (
            <LoadingState />
          ) : users.isError ? (
            <ErrorState error={users.error} onRetry={() => users.refetch()} />
          ) : (
            <div className="table-wrap flat">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Last sign-in</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.map((user) => {
                    const self = user.id === session.user.id;
                    return (
                      <tr key={user.id}>
                        <td>
                          <strong>{user.name}</strong>
                          {self && (
                            <span className="badge" style={{ marginLeft: 8 }}>
                              You
                            </span>
                          )}
                          <div className="subtle">{user.email}</div>
                        </td>
                        <td>
                          {canWrite && !self ? (
                            <>
                              <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                                Role of {user.name}
                              </label>
                              <select
                                id={`role-${user.id}`}
                                className="select"
                                style={{ width: 'auto' }}
                                value={user.role}
                                onChange={(e) =>
                                  changeRole.mutate({ id: user.id, role: e.target.value as Role })
                                }
                              >
                                <option value="member">Member</option>
                                <option value="admin">Admin</option>
                                <option value="owner">Owner</option>
                              </select>
                            </>
                          ) : (
                            <StatusBadge
                              status={user.role === 'member' ? 'signed_up' : 'active'}
                              label={user.role[0]?.toUpperCase() + user.role.slice(1)}
                            />
                          )}
                        </td>
                        <td>{user.lastSignInAt ? formatRelative(user.lastSignInAt) : 'Never'}</td>
                        <td>
                          {canWrite && !self && (
                            <Button
                              size="sm"
                              variant="danger"
                              onClick={() =>
                                window.confirm(`Remove ${user.name} from the team?`) &&
                                remove.mutate(user.id)
                              }
                            >
                              Remove
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="invitations-title">
        <div className="card-header">
          <h2 id="invitations-title">Pending invitations</h2>
        </div>
        <div className="card-body">
          {invitations.isPending ? (
            <LoadingState />
          ) : invitations.isError ? (
            <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
          ) : invitations.data.length === 0 ? (
            <EmptyState icon={<Mail size={22} />} title="No pending invitations" />
          ) : (
            <ul className="simple-list">
              {invitations.data.map((inv) => (
                <li key={inv.id} className="row-between">
                  <span>
                    <strong>{inv.email}</strong>{' '}
                    <span className="subtle">
                      as {inv.role} · expires {formatDate(inv.expiresAt)}
                    </span>
                  </span>
                  {canWrite && (
                    <Button size="sm" onClick={() => revoke.mutate(inv.id)}>
                      Revoke
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <TeamEmails />
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </div>
  );
}

/** The team's email switches: owners and admins are emailed about new applications. */
function TeamEmails() {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const preferences = useQuery(queries.teamNotifications());
  // The switch moves as it is clicked; a failed save shows its error and moves it back.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (partnerApplied: boolean) =>
      lb.company.updateNotificationPreferences({ partnerApplied }),
    onError: () => setChosen(null),
    onSuccess: (saved) => {
      client.setQueryData(queries.teamNotifications.key(), saved);
      toast.show(
        saved.partnerApplied
          ? 'Owners and admins are emailed about new applications'
          : 'No more emails about new applications',
      );
    },
  });
  return (
    <section className="card" aria-labelledby="team-emails-title">
      <div className="card-header">
        <h2 id="team-emails-title">Team emails</h2>
      </div>
      <div className="card-body stack-sm">
        {preferences.isError ? (
          <ErrorState error={preferences.error} onRetry={() => preferences.refetch()} />
        ) : (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={chosen ?? preferences.data?.partnerApplied ?? true}
              disabled={!canWrite || preferences.isPending}
              onChange={(event) => {
                setChosen(event.target.checked);
                change.mutate(event.target.checked);
              }}
            />
            Email owners and admins when someone applies to join a program
          </label>
        )}
        {change.isError && <Alert kind="error">{errorMessage(change.error)}</Alert>}
      </div>
    </section>
  );
}
