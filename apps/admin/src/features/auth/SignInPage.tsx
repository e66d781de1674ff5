import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './use-signed-in';

export function SignInPage() {
  useTitle('Sign in');
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => lb.auth.signIn({ email, password }),
    onSuccess: signedIn,
  });
  const errors = fieldErrors(signIn.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <AuthLayout
      title="Sign in to your workspace"
      footer={
        <>
          New to Leadbridge? <Link to="/sign-up">Create a company account</Link>
        </>
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        {signIn.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(signIn.error)}</Alert>
        )}
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" loading={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
