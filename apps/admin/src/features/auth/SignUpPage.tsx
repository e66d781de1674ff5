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

export function SignUpPage() {
  useTitle('Create your account');
  const signedIn = useSignedIn();
  const [form, setForm] = useState({ companyName: '', name: '', email: '', password: '' });
  const signUp = useMutation({ mutationFn: () => lb.auth.signUp(form), onSuccess: signedIn });
  const errors = fieldErrors(signUp.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate();
  };
  return (
    <AuthLayout
      title="Run your partner program"
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        {signUp.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(signUp.error)}</Alert>
        )}
        <Field label="Company name" error={errors.companyName}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="organization"
              value={form.companyName}
              onChange={set('companyName')}
            />
          )}
        </Field>
        <Field label="Your name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="name"
              value={form.name}
              onChange={set('name')}
            />
          )}
        </Field>
        <Field label="Work email" error={errors.email}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
            />
          )}
        </Field>
        <Field label="Password" hint="At least 10 characters." error={errors.password}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
