import { type FieldError, isPartnerEditableStage, validateLead } from '@leadbridge/core';
import type { ReactiveController } from 'lit';
import { failureOf } from '../api/problems.js';
import type { Lead } from '../api/types.js';
import type { LeadDetailElement } from '../components/leads-view/lead-detail.component.js';
import { stageLabel } from '../components/leads-view/lead-names.js';
import { emitLeadFormEvent } from '../events/lead-form-events.js';
import { fieldId } from '../fields/field-controls.js';
import {
  changedKeys,
  type FormValue,
  type FormValues,
  fieldKeyOfPath,
  localizeFieldError,
  toLeadInput,
  toLeadPatch,
  valuesFromLead,
} from '../fields/form-values.js';

export interface Editing {
  /** The values the edit started from (the lead's, or the current ones after a conflict). */
  original: FormValues;
  values: FormValues;
  version: number;
  errors: Record<string, string>;
  saving: boolean;
  message: string | null;
  /** After a 409: what the partner had changed, to show and re-apply. */
  conflict: { version: number; mine: FormValues; keys: string[] } | null;
}

/**
 * A partner's edit of one of their leads: the form's values checked by core, only the changed
 * fields sent with the version they started from, and a conflict (someone saved in between)
 * shown with what the partner had changed, to re-apply on the current values.
 */
export class LeadEditController implements ReactiveController {
  editing: Editing | null = null;

  constructor(private readonly host: LeadDetailElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  private set(editing: Editing | null): void {
    this.editing = editing;
    this.host.requestUpdate();
  }

  private patch(patch: Partial<Editing>): void {
    if (this.editing) this.set({ ...this.editing, ...patch });
  }

  private begin(lead: Lead, conflict: Editing['conflict']): void {
    const values = valuesFromLead(this.host.fields, lead);
    this.set({
      original: values,
      values,
      version: lead.version,
      errors: {},
      saving: false,
      message: null,
      conflict,
    });
  }

  start(lead: Lead): void {
    this.begin(lead, null);
    this.host.notice = null;
    void this.host.focusOn(`#${fieldId('edit', this.host.fields[0]?.key ?? 'email')}`);
  }

  cancel(): void {
    this.set(null);
    void this.host.focusOn('#lead-edit-button');
  }

  onValue = (key: string, value: FormValue) => {
    if (!this.editing) return;
    const errors = { ...this.editing.errors };
    delete errors[key];
    this.patch({ values: { ...this.editing.values, [key]: value }, errors });
  };

  private placeErrors(errors: readonly FieldError[]): void {
    const { fields, context } = this.host;
    const placed: Record<string, string> = {};
    for (const error of errors) {
      placed[fieldKeyOfPath(error.field)] ??= localizeFieldError(error, fields, context.locale);
    }
    this.patch({ errors: placed, saving: false });
    const first = fields.find((field) => placed[field.key]);
    if (first) void this.host.focusOn(`#${fieldId('edit', first.key)}`);
  }

  save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const host = this.host;
    const editing = this.editing;
    const lead = host.lead;
    if (!editing || !lead || editing.saving) return;
    const { t, locale, program } = host.context;
    const full = validateLead(program.formSchema, toLeadInput(host.fields, editing.values), {
      locale,
    });
    if (!full.ok) {
      this.placeErrors(full.errors);
      return;
    }
    const patch = toLeadPatch(host.fields, editing.original, editing.values);
    if (Object.keys(patch).length === 0) {
      this.set(null);
      host.notice = t('leads.edit.noChanges');
      return;
    }
    this.patch({ saving: true, errors: {}, message: null });
    try {
      const updated = await host.resource().update(lead.id, {
        ...patch,
        version: editing.version,
      } as never);
      this.set(null);
      host.notice = t('leads.edit.saved');
      host.onLead(updated);
      void host.focusOn('#lead-detail-title');
      void host.load(updated.id);
    } catch (error) {
      await this.failed(error, lead);
    }
  };

  private async failed(error: unknown, lead: Lead): Promise<void> {
    const host = this.host;
    const t = host.context.t;
    const failure = failureOf(error);
    const editing = this.editing;
    if (!editing) return;
    if (failure.code === 'version_conflict') {
      const current =
        (failure.problem.current as Lead | undefined) ?? (await host.resource().get(lead.id));
      const keys = changedKeys(host.fields, editing.original, editing.values);
      host.onLead(current);
      this.begin(current, { version: current.version, mine: editing.values, keys });
      if (!isPartnerEditableStage(current.stage)) {
        this.set(null);
        host.notice = t('leads.detail.notEditable', { stage: stageLabel(current, host.context) });
      }
      void host.focusOn('#edit-conflict');
    } else if (failure.code === 'lead_not_editable') {
      this.set(null);
      host.notice = t('leads.edit.notEditable', { detail: failure.detail });
      void host.load(lead.id);
    } else if (failure.code === 'validation_failed' && failure.errors.length > 0) {
      this.placeErrors(failure.errors);
    } else if (failure.code === 'duplicate_lead') {
      this.patch({
        saving: false,
        errors: { email: t('submit.duplicate.field') },
        message: failure.detail,
      });
    } else if (failure.status === 401) {
      host.context.sessionExpired();
    } else {
      this.patch({
        saving: false,
        message:
          failure.status === 0
            ? t('shell.error.network')
            : failure.detail || t('shell.error.generic'),
      });
    }
    if (failure.code !== 'version_conflict') {
      emitLeadFormEvent(host, 'lead-form:error', { code: failure.code, message: failure.detail });
    }
  }

  /** After a conflict: the partner's own changes again, over the current values. */
  reapply(): void {
    const editing = this.editing;
    const conflict = editing?.conflict;
    if (!editing || !conflict) return;
    const values = { ...editing.values };
    for (const key of conflict.keys) {
      const mine = conflict.mine[key];
      if (mine !== undefined) values[key] = mine;
    }
    this.patch({ values, conflict: null });
  }
}
