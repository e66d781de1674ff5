import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { queries } from '../../api/queries';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Alert, LoadingState } from '../../ui/States';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './use-signed-in';

export function AcceptInvitePage() {
  useTitle('Accept invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signedIn = useSignedIn();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const preview = useQuery({ ...queries.invitation(token), enabled: token !== '' });
  const accept = useMutation({
    mutationFn: () => lb.auth.acceptInvitation({ token, name, password }),
    onSuccess: signedIn,
  });
  const errors = fieldErrors(accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <Alert kind="error">
          This link has no invitation token. Open the link from your email again.
        </Alert>
      </AuthLayout>
    );
  }
  if (preview.isPending) return <LoadingState label="Checking your invitation…" />;
  if (preview.isError) {
    return (
      <AuthLayout
        title="This invitation cannot be used"
        footer={<Link to="/sign-in">Go to sign in</Link>}
      >
        <Alert kind="error">{errorMessage(preview.error)}</Alert>
        <p className="muted">Ask whoever invited you to send a new invitation.</p>
      </AuthLayout>
    );
  }
  const invite = preview.data;
  return (
    <AuthLayout title={`Join ${invite.companyName}`}>
      <p className="muted">
        {invite.invitedByName ?? 'Your team'} invited <strong>{invite.email}</strong> as{' '}
        {invite.role === 'admin' ? 'an' : 'a'} <strong>{invite.role}</strong>. The invitation is
        valid until {formatDate(invite.expiresAt)}.
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        {accept.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(accept.error)}</Alert>
        )}
        <Field label="Your name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Choose a password" hint="At least 10 characters." error={errors.password}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" loading={accept.isPending}>
          Join {invite.companyName}
        </Button>
      </form>
    </AuthLayout>
  );
}
