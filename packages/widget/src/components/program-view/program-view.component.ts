import { LEAD_STAGES } from '@leadbridge/core';
import { PartnerResource } from '@leadbridge/sdk/partner';
import { css, html, nothing, type TemplateResult } from 'lit';
import { type CallFailure, failureOf } from '../../api/problems.js';
import type { PartnerProgram } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import './email-settings.component.js';

const programStyles = css`
  .offer {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.4em;
  }
  .stages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;

/**
 * The program summary: what it is, what a partner earns (the offer in words), lead statuses, and
 * the partner's email settings.
 *
 * @csspart description - The program's description.
 * @csspart submit-lead - "Submit a lead".
 * @csspart offer - What a partner earns.
 * @csspart stages - The lead statuses, explained.
 * @csspart email-settings - The partner's email language and which emails they get.
 * @csspart email-language - The email language picker.
 * @csspart status - Whether the last change of the email settings was saved.
 */
export class ProgramViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, programStyles];
  static override properties = {
    ...ContextView.properties,
    program: { state: true },
    failure: { state: true },
  };

  declare program: PartnerProgram | null;
  declare failure: CallFailure | null;

  constructor() {
    super();
    this.program = null;
    this.failure = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const api = this.context.api;
    if (!api) return;
    this.failure = null;
    try {
      this.program = await new PartnerResource(api.core).program({ locale: this.context.locale });
    } catch (error) {
      this.failure = failureOf(error);
      if (this.failure.status === 401) this.context.sessionExpired();
    }
  }

  protected override render(): TemplateResult {
    const t = this.context.t;
    if (this.failure) {
      return html`<div class="alert" part="alert" role="alert">
        <p>${this.failure.status === 0 ? t('shell.error.network') : this.failure.detail}</p>
        <button type="button" part="button" @click=${() => void this.load()}>${t('shell.retry')}</button>
      </div>`;
    }
    const program = this.program;
    if (!program)
      return html`<p class="muted" part="loading" role="status">${t('shell.loading')}</p>`;
    const { standalone, program: config } = this.context;
    return html`<h3 part="view-title">${program.name}</h3>
      ${program.description ? html`<p part="description">${program.description}</p>` : nothing}
      ${
        standalone || !config.leadSubmissionEnabled
          ? nothing
          : html`<div class="actions">
              <button type="button" class="primary" part="button button-primary submit-lead" @click=${() => this.context.navigate({ view: 'submit' })}>
                ${t('shell.tab.submit')}
              </button>
            </div>`
      }
      <section class="stack" aria-labelledby="program-offer">
        <h4 id="program-offer">${t('program.offer')}</h4>
        ${
          program.offerDescription.length
            ? html`<ul class="offer" part="offer">
                ${program.offerDescription.map((line) => html`<li>${line}</li>`)}
              </ul>`
            : html`<p class="muted">${t('program.noOffer')}</p>`
        }
      </section>
      <section class="stack" aria-labelledby="program-stages">
        <h4 id="program-stages">${t('program.stages')}</h4>
        <p class="muted">${t('program.stagesHelp')}</p>
        <ul class="stages" part="stages">
          ${LEAD_STAGES.map(
            (stage) =>
              html`<li><span class="badge status-${stage}" part="status-badge">${program.stageLabels[stage]}</span></li>`,
          )}
        </ul>
      </section>
      ${
        this.context.api
          ? html`<section class="stack" aria-labelledby="program-emails">
              <h4 id="program-emails">${t('settings.title')}</h4>
              <lead-form-email-settings .context=${this.context}></lead-form-email-settings>
            </section>`
          : nothing
      }`;
  }
}

defineOnce('lead-form-program', ProgramViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-program': ProgramViewElement;
  }
}
