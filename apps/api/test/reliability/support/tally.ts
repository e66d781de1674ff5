import { appendFileSync } from 'node:fs';

/** What the reliability run counts, summed over all files by the global teardown. */
export type TallyName =
  | 'faults injected'
  | 'files fuzzed'
  | 'requests fuzzed'
  | 'rows checked'
  | 'emails checked'
  | 'webhooks checked';

/** Adds `count` to the run's summary (no-op outside the reliability config). */
export function tally(name: TallyName, count: number): void {
  const file = process.env.LB_RELIABILITY_TALLY;
  if (file && count > 0) appendFileSync(file, `${JSON.stringify({ name, count })}\n`);
}
