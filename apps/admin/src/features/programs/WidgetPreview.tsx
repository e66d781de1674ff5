import type { LeadFormSchema, StageLabels } from '@leadbridge/core';
import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../../ui/States';

/** The widget's properties this preview sets (the element's own API, not React props). */
interface LeadFormPreviewElement extends HTMLElement {
  preview: boolean;
  programName: string | null;
  schema: LeadFormSchema | null;
  stageLabels: StageLabels | null;
}

let loading: Promise<void> | null = null;

/**
 * Loads the real `<lead-form>` from the API (the same script companies embed), once per page.
 * Served by the API at /widget/; the dev server proxies it.
 */
function loadWidget(): Promise<void> {
  loading ??= import(/* @vite-ignore */ `${window.location.origin}/widget/lead-form.js`).then(
    () => customElements.whenDefined('lead-form').then(() => undefined),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The embedded form exactly as partners will see it, in preview mode: it renders the draft
 * schema as it is edited and never submits.
 */
export function WidgetPreview({
  programName,
  schema,
  stageLabels,
}: {
  /** Shown as the widget's title, as partners see it. */
  programName: string;
  schema: LeadFormSchema;
  stageLabels?: StageLabels;
}) {
  const host = useRef<HTMLDivElement>(null);
  const element = useRef<LeadFormPreviewElement | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    loadWidget().then(
      () => {
        if (cancelled || !host.current) return;
        const el = document.createElement('lead-form') as LeadFormPreviewElement;
        el.setAttribute('view', 'submit');
        el.preview = true;
        host.current.replaceChildren(el);
        element.current = el;
        setState('ready');
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const el = element.current;
    if (!el || state !== 'ready') return;
    el.programName = programName;
    el.schema = schema;
    el.stageLabels = stageLabels ?? null;
  }, [programName, schema, stageLabels, state]);

  return (
    <section className="preview" aria-label="Live preview of the lead form">
      <div className="preview-chrome" aria-hidden="true">
        <span />
        <span />
        <span />
        <em>your-site.com/partners</em>
      </div>
      <div className="preview-body">
        {state === 'loading' && <Spinner label="Loading the form preview" />}
        {state === 'failed' && (
          <p className="muted">
            The preview needs the lead form script, which this server does not serve
            (/widget/lead-form.js).
          </p>
        )}
        <div ref={host} data-testid="widget-preview" />
      </div>
    </section>
  );
}
