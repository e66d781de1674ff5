import { type FormField, type LeadFormSchema, validateLead } from '@leadbridge/core';
import type { Lead } from '@leadbridge/sdk';
import { isLeadbridgeError } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { lb } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { ConflictDialog } from './ConflictDialog';
import { LeadFieldInput } from './LeadFieldInput';
import { markLeadListsStale, storeLeads } from './lead-cache';
import { type Draft, draftOf, orderedFields, patchOf } from './lead-values';

interface Props {
  lead: Lead;
  schema: LeadFormSchema;
  onDone: () => void;
}

/** `fields.budget` → `budget`: errors are shown by form key, built-in or custom alike. */
function errorsByKey(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field.replace(/^fields\./, '')] ??= e.message;
  return out;
}

function GroupField({
  field,
  error,
  children,
}: {
  field: FormField;
  error?: string;
  children: React.ReactNode;
}) {
  const errorId = useId();
  return (
    <fieldset className="field fieldset" aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </legend>
      {children}
      {field.helpText && <span className="field-hint">{field.helpText}</span>}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * Edits a lead's fields, checked with core's validator before sending. A stale version (someone
 * saved in between) opens the conflict dialog instead of overwriting silently.
 */
export function LeadEditForm({ lead, schema, onDone }: Props) {
  const client = useQueryClient();
  const toast = useToast();
  // What the person started from: their changes are always this diff, whatever happened since.
  const [base] = useState<{ lead: Lead; draft: Draft }>(() => ({
    lead,
    draft: draftOf(lead, schema),
  }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Lead | null>(null);

  const save = useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: Record<string, unknown> }) =>
      // The patch was checked by core's validateLead; the SDK's body type cannot express "any of the form's keys".
      lb.leads.update(lead.id, { version, ...patch } as Parameters<typeof lb.leads.update>[1]),
    onSuccess: (saved) => {
      storeLeads(client, [saved]);
      markLeadListsStale(client, [lead.id]);
      toast.show('Lead saved');
      onDone();
    },
    onError: (error) => {
      if (isLeadbridgeError(error) && error.code === 'version_conflict') {
        const current = (error.problem as { current?: Lead } | undefined)?.current;
        if (current) setConflict(current);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = patchOf(base.draft, draft);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    const checked = validateLead(schema, patch, { partial: true });
    if (!checked.ok) {
      setLocalErrors(errorsByKey(checked.errors));
      return;
    }
    setLocalErrors({});
    save.mutate({ version: base.lead.version, patch });
  };

  const serverErrors =
    save.error && !conflict
      ? errorsByKey(
          Object.entries(fieldErrors(save.error)).map(([field, message]) => ({ field, message })),
        )
      : {};
  const errors = { ...serverErrors, ...localErrors };
  const set = (key: string) => (value: unknown) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Edit lead">
      {save.isError && !conflict && Object.keys(serverErrors).length === 0 && (
        <Alert kind="error">{errorMessage(save.error)}</Alert>
      )}
      <div className="grid-2">
        {orderedFields(schema).map((field) =>
          field.type === 'multiselect' ? (
            <GroupField key={field.key} field={field} error={errors[field.key]}>
              <LeadFieldInput
                field={field}
                value={draft[field.key]}
                onChange={set(field.key)}
                control={{
                  id: `f-${field.key}`,
                  'aria-invalid': undefined,
                  'aria-describedby': undefined,
                }}
              />
            </GroupField>
          ) : (
            <Field
              key={field.key}
              label={
                <>
                  {field.label}
                  {field.required && <span aria-hidden="true"> *</span>}
                </>
              }
              hint={field.helpText}
              error={errors[field.key]}
            >
              {(control) => (
                <LeadFieldInput
                  field={field}
                  value={draft[field.key]}
                  onChange={set(field.key)}
                  control={control}
                />
              )}
            </Field>
          ),
        )}
      </div>
      <div className="form-actions">
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending}>
          Save changes
        </Button>
      </div>
      <ConflictDialog
        open={conflict !== null}
        schema={schema}
        base={base.lead}
        current={conflict}
        mine={draft}
        onReload={() => {
          if (!conflict) return;
          storeLeads(client, [conflict]);
          setConflict(null);
          save.reset();
          onDone();
        }}
        onOverwrite={() => {
          if (!conflict) return;
          // Only the fields this person changed are sent, on top of the current version, so the
          // other person's changes to other fields survive.
          const current = conflict;
          setConflict(null);
          save.mutate({ version: current.version, patch: patchOf(base.draft, draft) });
        }}
        onClose={() => setConflict(null)}
      />
    </form>
  );
}
