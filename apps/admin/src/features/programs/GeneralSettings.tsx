import { isLocale, LOCALE_NAMES, SUPPORTED_LOCALES } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Field } from '../../ui/Field';
import { BrandingSettings } from './BrandingSettings';
import { SaveBar } from './SaveBar';
import { useProgramDraft } from './use-program-save';

const fromProgram = (p: Program) => ({
  name: p.name,
  description: p.description ?? '',
  leadSubmissionEnabled: p.leadSubmissionEnabled,
  leadImportEnabled: p.leadImportEnabled,
  dedupePolicy: p.dedupePolicy,
  defaultLocale: p.defaultLocale,
  allowedOrigins: p.allowedOrigins.join('\n'),
  portalUrl: p.portalUrl ?? '',
  slug: p.slug,
  brandColor: p.brandColor ?? '',
  /** The saved logo's URL, a new image as a data: URL, or null when removed. */
  logo: p.logoUrl,
});

export type GeneralDraft = ReturnType<typeof fromProgram>;

/** Links like `?tab=general#allowed-origins` (from the Embed tab) land on that setting. */
function useSectionFromHash() {
  const { hash } = useLocation();
  const origins = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!hash) return;
    document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
    if (hash === '#allowed-origins') origins.current?.focus({ preventScroll: true });
  }, [hash]);
  return origins;
}

/** Name, the submission and import switches, partner email language, duplicate rule, where the form may run. */
export function GeneralSettings({ program }: { program: Program }) {
  const state = useProgramDraft(program, fromProgram);
  const { draft, setDraft } = state;
  const originsRef = useSectionFromHash();
  const canWrite = useCanWrite();
  const errors = fieldErrors(state.save.error);
  const originErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('allowedOrigins'))
    .map(([, m]) => m);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = () =>
    state.save.mutate({
      name: draft.name,
      description: draft.description.trim() || null,
      leadSubmissionEnabled: draft.leadSubmissionEnabled,
      leadImportEnabled: draft.leadImportEnabled,
      dedupePolicy: draft.dedupePolicy,
      defaultLocale: draft.defaultLocale,
      allowedOrigins: draft.allowedOrigins
        .split(/[\s,]+/)
        .map((o) => o.trim())
        .filter(Boolean),
      portalUrl: draft.portalUrl.trim() || null,
      ...(draft.slug !== state.base.slug ? { slug: draft.slug.trim() } : {}),
      brandColor: draft.brandColor || null,
      ...(draft.logo !== state.base.logoUrl ? { logo: draft.logo } : {}),
    });
  return (
    <fieldset className="fieldset stack" style={{ maxWidth: 760 }} disabled={!canWrite}>
      <legend className="visually-hidden">General settings</legend>
      <section className="card card-body stack">
        <h2 className="section-title">Partner access</h2>
        <label className="switch">
          <input
            type="checkbox"
            checked={draft.leadSubmissionEnabled}
            onChange={(e) => set('leadSubmissionEnabled', e.target.checked)}
          />
          <span>
            <strong>Lead submission</strong>
            <span className="subtle" style={{ display: 'block' }}>
              Partners can submit leads one by one with the form.
            </span>
          </span>
        </label>
        <label className="switch">
          <input
            type="checkbox"
            checked={draft.leadImportEnabled}
            onChange={(e) => set('leadImportEnabled', e.target.checked)}
          />
          <span>
            <strong>Lead import</strong>
            <span className="subtle" style={{ display: 'block' }}>
              Partners can upload a CSV of many leads, with a template, a preview and an error file.
            </span>
          </span>
        </label>
      </section>
      <section className="card card-body stack">
        <h2 className="section-title">Program</h2>
        <Field label="Name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Description"
          hint="Shown to partners on the program summary."
          error={errors.description}
        >
          {(c) => (
            <textarea
              {...c}
              className="textarea"
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Currency"
          hint="Commissions and revenue of this program are in this currency."
        >
          {(c) => (
            <input
              {...c}
              className="input mono"
              value={program.currency}
              readOnly
              style={{ maxWidth: 120 }}
            />
          )}
        </Field>
      </section>
      <section className="card card-body stack">
        <h2 className="section-title">Partner emails</h2>
        <Field
          label="Email language"
          hint="Sign-in codes, invitations, lead status updates, import results, commission and message emails reach partners in this language, unless a partner chooses their own in the form’s Program tab. The form itself follows each partner’s page or browser."
          error={errors.defaultLocale}
        >
          {(c) => (
            <select
              {...c}
              className="select"
              value={draft.defaultLocale}
              style={{ maxWidth: 280 }}
              onChange={(e) => {
                if (isLocale(e.target.value)) set('defaultLocale', e.target.value);
              }}
            >
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      <section className="card card-body stack">
        <h2 className="section-title">Duplicates</h2>
        <fieldset className="fieldset stack-sm">
          <legend className="subtle">
            The first partner to register a lead owns it. A second submission is refused when it
            has…
          </legend>
          <label className="checkbox">
            <input
              type="radio"
              name="dedupe"
              checked={draft.dedupePolicy === 'email'}
              onChange={() => set('dedupePolicy', 'email')}
            />
            the same email address
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="dedupe"
              checked={draft.dedupePolicy === 'email_or_domain'}
              onChange={() => set('dedupePolicy', 'email_or_domain')}
            />
            the same email, or the same company domain (work emails; free mail providers never
            match)
          </label>
        </fieldset>
      </section>
      <section className="card card-body stack" id="allowed-origins">
        <h2 className="section-title">Where the form runs</h2>
        <Field
          label="Allowed origins"
          hint="The websites where you paste the form, one per line, written as scheme and host (the origin), e.g. https://www.example.com for every page of that site. The form refuses to work anywhere else, so nobody can put your form on their site. Your hosted portal below always works."
          error={originErrors.join(' ') || undefined}
        >
          {(c) => (
            <textarea
              {...c}
              ref={originsRef}
              className="textarea mono"
              value={draft.allowedOrigins}
              placeholder="https://www.example.com"
              onChange={(e) => set('allowedOrigins', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Partner portal URL"
          hint="The page of your site that embeds the form; emails to partners link there. Leave it empty to send partners to your hosted portal."
          error={errors.portalUrl}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              type="url"
              placeholder="https://www.example.com/partners"
              value={draft.portalUrl}
              onChange={(e) => set('portalUrl', e.target.value)}
            />
          )}
        </Field>
      </section>
      <BrandingSettings
        program={program}
        draft={draft}
        set={set}
        errors={{ slug: errors.slug, brandColor: errors.brandColor, logo: errors.logo }}
      />
      <SaveBar state={state} onSave={save} fieldErrorsShown={Object.keys(errors).length > 0} />
    </fieldset>
  );
}
