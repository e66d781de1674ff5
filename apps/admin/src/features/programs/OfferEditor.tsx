import {
  checkOffer,
  describeOffer,
  formatBasisPoints,
  type LeadStage,
  MAX_COMMISSION_MONTHS,
  minorUnitDigits,
  type Offer,
  type OfferRule,
  parseMoney,
  REWARDABLE_STAGES,
  resolveStageLabels,
  type StageLabels,
} from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useMemo, useState } from 'react';
import { fieldErrors } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';
import { SaveBar } from './SaveBar';
import { useProgramDraft } from './use-program-save';

interface OfferDraft {
  flat: Record<(typeof REWARDABLE_STAGES)[number], string>;
  percentOn: boolean;
  percent: string;
  months: string;
}

function toText(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

function fromProgram(program: Program): OfferDraft {
  const offer = program.offer as Offer;
  const flat = { new: '', qualified: '', closed_won: '' };
  let percentRule: Extract<OfferRule, { kind: 'percentage' }> | undefined;
  for (const rule of offer.rules) {
    if (rule.kind === 'flat' && rule.stage in flat)
      flat[rule.stage as keyof typeof flat] = toText(rule.amount.amount, rule.amount.currency);
    if (rule.kind === 'percentage') percentRule = rule;
  }
  return {
    flat,
    percentOn: percentRule !== undefined,
    percent: percentRule ? String(percentRule.basisPoints / 100) : '',
    months: percentRule?.months ? String(percentRule.months) : '',
  };
}

/** The draft as core's Offer, or the inputs that are not numbers yet. */
function toOffer(
  draft: OfferDraft,
  currency: string,
): { offer: Offer; inputErrors: Record<string, string> } {
  const rules: OfferRule[] = [];
  const inputErrors: Record<string, string> = {};
  for (const stage of REWARDABLE_STAGES) {
    const text = draft.flat[stage].trim();
    if (!text) continue;
    const money = parseMoney(text, currency);
    if (!money || money.amount <= 0)
      inputErrors[stage] = `Enter an amount in ${currency}, e.g. 50 or 49.99.`;
    else rules.push({ kind: 'flat', stage: stage as LeadStage, amount: money });
  }
  if (draft.percentOn) {
    const percent = Number(draft.percent);
    const basisPoints = Math.round(percent * 100);
    if (
      !draft.percent.trim() ||
      !Number.isFinite(percent) ||
      Math.abs(percent * 100 - basisPoints) > 1e-6
    ) {
      inputErrors.percent = 'Enter a percentage such as 20 or 12.5 (up to two decimals).';
    }
    const months = draft.months.trim() ? Number(draft.months) : null;
    if (months !== null && !Number.isInteger(months))
      inputErrors.months = 'Enter whole months, or leave empty for no end.';
    if (!inputErrors.percent && !inputErrors.months)
      rules.push({ kind: 'percentage', basisPoints, months });
  }
  return { offer: { rules }, inputErrors };
}

/**
 * What partners earn: a flat amount when a lead reaches a stage, and/or a share of the
 * customer's payments for some months. Checked by core and described in plain words as typed.
 */
export function OfferEditor({ program }: { program: Program }) {
  const state = useProgramDraft(program, fromProgram);
  const canWrite = useCanWrite();
  const { draft, setDraft } = state;
  // A percentage left empty is reported once the person has left its input, not the moment the
  // switch turns on (an empty input they have not reached yet is not a mistake).
  const [percentLeft, setPercentLeft] = useState(false);
  const labels = resolveStageLabels(program.stageLabels as StageLabels);
  const { offer, inputErrors } = useMemo(
    () => toOffer(draft, program.currency),
    [draft, program.currency],
  );
  const checked = useMemo(
    () => checkOffer(offer, { labels: program.stageLabels as StageLabels }),
    [offer, program.stageLabels],
  );
  const coreErrors: Record<string, string> = {};
  if (!checked.ok) for (const e of checked.errors) coreErrors[e.field] ??= e.message;
  const server = fieldErrors(state.save.error, 'offer.');
  const ruleIndex = (predicate: (r: OfferRule) => boolean) => offer.rules.findIndex(predicate);
  const errorFor = (index: number) =>
    index < 0
      ? undefined
      : Object.entries({ ...server, ...coreErrors }).find(([k]) =>
          k.startsWith(`rules.${index}`),
        )?.[1];
  const description = checked.ok
    ? describeOffer(checked.value, { labels: program.stageLabels as StageLabels })
    : [];
  const invalid = Object.keys(inputErrors).length > 0 || !checked.ok;

  return (
    <div className="settings-split">
      <div className="stack">
        <section className="card card-body">
          <fieldset className="fieldset stack" disabled={!canWrite}>
            <legend className="section-title">Flat amount per lead</legend>
            <p className="subtle">
              Paid once when a lead first reaches the stage. Leave empty for none.
            </p>
            <div className="grid-3">
              {REWARDABLE_STAGES.map((stage) => (
                <Field
                  key={stage}
                  label={`${labels[stage]} (${program.currency})`}
                  error={
                    inputErrors[stage] ??
                    errorFor(ruleIndex((r) => r.kind === 'flat' && r.stage === stage))
                  }
                >
                  {(c) => (
                    <input
                      {...c}
                      className="input"
                      inputMode="decimal"
                      placeholder="—"
                      value={draft.flat[stage]}
                      onChange={(e) =>
                        setDraft((d) => ({ ...d, flat: { ...d.flat, [stage]: e.target.value } }))
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        </section>
        <section className="card card-body">
          <fieldset className="fieldset stack" disabled={!canWrite}>
            <legend className="section-title">Share of customer payments</legend>
            <label className="switch">
              <input
                type="checkbox"
                checked={draft.percentOn}
                onChange={(e) => {
                  setPercentLeft(false);
                  setDraft((d) => ({ ...d, percentOn: e.target.checked }));
                }}
              />
              <span>Pay partners a percentage of what their customers pay</span>
            </label>
            {draft.percentOn && (
              <div className="grid-2">
                <Field
                  label="Percentage"
                  hint="Of each payment, e.g. 20 for 20%."
                  error={
                    (draft.percent.trim() || percentLeft ? inputErrors.percent : undefined) ??
                    errorFor(ruleIndex((r) => r.kind === 'percentage'))
                  }
                >
                  {(c) => (
                    <input
                      {...c}
                      className="input"
                      inputMode="decimal"
                      value={draft.percent}
                      onBlur={() => setPercentLeft(true)}
                      onChange={(e) => setDraft((d) => ({ ...d, percent: e.target.value }))}
                    />
                  )}
                </Field>
                <Field
                  label="For how many months"
                  hint={`After the lead is won; empty = no end (max ${MAX_COMMISSION_MONTHS}).`}
                  error={inputErrors.months}
                >
                  {(c) => (
                    <input
                      {...c}
                      className="input"
                      inputMode="numeric"
                      value={draft.months}
                      onChange={(e) => setDraft((d) => ({ ...d, months: e.target.value }))}
                    />
                  )}
                </Field>
              </div>
            )}
          </fieldset>
        </section>
        {!checked.ok && Object.keys(inputErrors).length === 0 && (
          <Alert kind="error">{checked.errors.map((e) => e.message).join(' ')}</Alert>
        )}
        <SaveBar
          state={state}
          invalid={invalid}
          fieldErrorsShown={Object.keys(server).length > 0}
          onSave={() => checked.ok && state.save.mutate({ offer: checked.value })}
        />
      </div>
      <aside
        className="preview-column card card-body stack-sm"
        aria-live="polite"
        aria-labelledby="offer-summary"
      >
        <h2 id="offer-summary" className="section-title">
          What partners will read
        </h2>
        {description.length === 0 ? (
          <p className="muted">
            {draft.percentOn && !draft.percent.trim()
              ? 'Enter the percentage to see the offer.'
              : invalid
                ? 'Fix the highlighted inputs to see the offer.'
                : 'No commissions: partners refer without a reward.'}
          </p>
        ) : (
          <ul className="offer-lines" data-testid="offer-description">
            {description.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {draft.percentOn && !inputErrors.percent && draft.percent && (
          <p className="subtle">
            That is {formatBasisPoints(Math.round(Number(draft.percent) * 100))} of every payment.
          </p>
        )}
      </aside>
    </div>
  );
}
