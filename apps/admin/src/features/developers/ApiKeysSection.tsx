import type { CreatedApiKey } from '@leadbridge/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate, formatRelative } from '../../lib/format';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';

function CreateKeyDialog({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useMutation({
    mutationFn: () => lb.apiKeys.create({ name }),
    onSuccess: (key) => {
      setCreated(key);
      void client.invalidateQueries({ queryKey: queries.apiKeys.all });
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
        title="Your new API key"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            I have stored it
          </Button>
        }
      >
        <div className="stack">
          <Alert kind="warning">
            Copy it now: it is shown only once. Anyone with it can act for your company; keep it on
            your server.
          </Alert>
          <div className="secret">
            <span data-testid="created-api-key">{created.key}</span>
            <CopyButton text={created.key} />
          </div>
          <pre className="code-block">{`import { Leadbridge } from '@leadbridge/sdk';\n\nconst lb = new Leadbridge({ baseUrl: '${window.location.origin}', apiKey: process.env.LEADBRIDGE_API_KEY });`}</pre>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open title="Create an API key" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(create.error)}</Alert>
        )}
        <Field label="Name" hint="Where it is used, e.g. “CRM sync”." error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ApiKeysSection() {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const keys = useQuery(queries.apiKeys());
  const revoke = useMutation({
    mutationFn: (id: string) => lb.apiKeys.revoke(id),
    onSuccess: () => {
      toast.show('API key revoked');
      void client.invalidateQueries({ queryKey: queries.apiKeys.all });
    },
    onError: (error) => toast.show(errorMessage(error), { kind: 'error' }),
  });
  return (
    <section className="card" aria-labelledby="api-keys-title">
      <div className="card-header">
        <h2 id="api-keys-title">API keys</h2>
        {canWrite && (
          <Button variant="primary" size="sm" onClick={() => setCreating(true)}>
            Create API key
          </Button>
        )}
      </div>
      <div className="card-body">
        {keys.isPending ? (
          <LoadingState />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState icon={<KeyRound size={22} />} title="No API keys">
            Your servers use a secret key to create leads, record transactions and mint partner
            sessions.
          </EmptyState>
        ) : (
          <div className="table-wrap flat">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((key) => (
                  <tr key={key.id} data-api-key={key.name}>
                    <td>{key.name}</td>
                    <td className="mono">{key.prefix}…</td>
                    <td>{formatDate(key.createdAt)}</td>
                    <td>{key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}</td>
                    <td>
                      {key.revokedAt ? (
                        <StatusBadge status="revoked" />
                      ) : (
                        canWrite && (
                          <Button
                            size="sm"
                            variant="danger"
                            loading={revoke.isPending && revoke.variables === key.id}
                            onClick={() => {
                              if (
                                window.confirm(`Revoke “${key.name}”? Calls using it fail at once.`)
                              )
                                revoke.mutate(key.id);
                            }}
                          >
                            Revoke
                          </Button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {creating && <CreateKeyDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
