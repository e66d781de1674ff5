import { isValidEmail } from '@leadbridge/core';
import type { Partner } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { usePrograms } from '../../api/programs';
import { invalidateArea } from '../../api/queries';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';
import { useToast } from '../../ui/Toast';

/**
 * Creates a partner, enrols them in programs and (optionally) emails them the invitation, then
 * opens the partner's page (or calls `onInvited` instead, e.g. to stay on the setup checklist).
 */
export function InvitePartnerDialog({
  open,
  onClose,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  onInvited?: (partner: Partner) => void;
}) {
  const programs = usePrograms();
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [programIds, setProgramIds] = useState<string[] | null>(null);
  const [invite, setInvite] = useState(true);
  const [emailError, setEmailError] = useState<string>();
  const chosen = programIds ?? (programs.data?.length === 1 ? [programs.data[0]?.id ?? ''] : []);
  const create = useMutation({
    mutationFn: () =>
      lb.partners.create({ name, email, programIds: chosen.filter(Boolean), invite }),
    onSuccess: (partner) => {
      invalidateArea(client, 'partners');
      toast.show(invite ? `Invitation sent to ${partner.email}` : `${partner.name} added`);
      onClose();
      if (onInvited) onInvited(partner);
      else navigate(`/partners/${partner.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isValidEmail(email.trim())) {
      setEmailError('Enter the partner’s email address.');
      return;
    }
    setEmailError(undefined);
    create.mutate();
  };
  return (
    <Dialog open={open} title="Invite a partner" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(create.error)}</Alert>
        )}
        <Field label="Partner name" hint="An agency, reseller or affiliate." error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Email" error={emailError ?? errors.email}>
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
          <legend className="field-label">Programs</legend>
          {programs.data?.length === 0 && (
            <span className="subtle">Create a program first to enrol partners in it.</span>
          )}
          {programs.data?.map((p) => (
            <label key={p.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setProgramIds(
                    e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id),
                  )
                }
              />
              {p.name}
            </label>
          ))}
          {errors.programIds && <span className="field-error">{errors.programIds}</span>}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
          Email the partner an invitation with where to submit leads
        </label>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            {invite ? 'Send invitation' : 'Add partner'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
