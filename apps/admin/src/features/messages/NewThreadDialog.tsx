import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { usePartnerOptions, usePrograms } from '../../api/programs';
import { invalidateArea } from '../../api/queries';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Omitted: the dialog asks whom to write to. */
  partner?: { id: string; name: string };
  programId?: string;
  lead?: { id: string; name: string };
}

/** Starts a conversation with a partner (about one of their leads, when opened from it). */
export function NewThreadDialog({ open, onClose, partner, programId, lead }: Props) {
  const navigate = useNavigate();
  const programs = usePrograms();
  const partners = usePartnerOptions();
  const [partnerId, setPartnerId] = useState(partner?.id ?? '');
  const [chosenProgram, setChosenProgram] = useState(programId ?? '');
  const to = partner ?? partners.data?.find((p) => p.id === partnerId);
  const client = useQueryClient();
  const [subject, setSubject] = useState(lead ? `About ${lead.name}` : '');
  const [body, setBody] = useState('');
  const start = useMutation({
    mutationFn: () =>
      lb.messages.startThread({
        partnerId: partner?.id ?? partnerId,
        programId: programId ?? chosenProgram,
        subject,
        body,
        ...(lead ? { leadId: lead.id } : {}),
      }),
    onSuccess: (thread) => {
      invalidateArea(client, 'messages');
      onClose();
      navigate(`/messages/${thread.id}`);
    },
  });
  const errors = fieldErrors(start.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <Dialog open={open} title={to ? `Message ${to.name}` : 'New conversation'} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {start.isError && Object.keys(errors).length === 0 && (
          <Alert kind="error">{errorMessage(start.error)}</Alert>
        )}
        {!partner && (
          <Field label="Partner" error={errors.partnerId}>
            {(c) => (
              <select
                {...c}
                className="select"
                value={partnerId}
                onChange={(e) => setPartnerId(e.target.value)}
              >
                <option value="">Choose a partner…</option>
                {partners.data?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!programId && (
          <Field label="Program" error={errors.programId}>
            {(c) => (
              <select
                {...c}
                className="select"
                value={chosenProgram}
                onChange={(e) => setChosenProgram(e.target.value)}
              >
                <option value="">Choose a program…</option>
                {programs.data?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Subject" error={errors.subject}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Message"
          error={errors.body}
          hint={to ? `${to.name} is emailed and can reply from their portal.` : undefined}
        >
          {(c) => (
            <textarea
              {...c}
              className="textarea"
              rows={5}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={start.isPending}>
            Send
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
