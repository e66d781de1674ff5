/**
 * `?q=` on the leads list: a case-insensitive substring of the lead's name, email or company
 * (`leads.search_text`, served by the trigram index `leads_search_trgm_idx`).
 *
 * The trigram index reads one posting list per trigram of the pattern, so a phrase with very
 * common trigrams ("company 1234", "lead500000.c0@") makes PostgreSQL read most of the index
 * even when a handful of rows match (30–150 ms at 1,000,000 leads). Instead, the index is
 * asked only for the query's most distinctive run of letters or digits — digits first, then
 * the longest run, at least 3 characters — and the whole query is checked exactly on the rows
 * it returns (`strpos`): same results, ~1 ms. A query without such a run ("li", "%%") has no
 * trigram to look up; it filters the inbox's keyset index instead, which is quick when matches
 * are common and reads the tenant's whole inbox when they are rare (clients should search from
 * three characters).
 */
export function leadSearchCondition(
  column: string,
  q: string,
  param: (value: unknown) => string,
): string {
  const fragment = distinctiveRun(q);
  if (!fragment || fragment === q) return `${column} LIKE ${param(`%${escapeLike(q)}%`)}`;
  return `${column} LIKE ${param(`%${fragment}%`)} AND strpos(${column}, ${param(q)}) > 0`;
}

const RUNS = /\p{L}+|\p{N}+/gu;
/** Numbers are usually rarer than words in names, emails and companies. */
const DIGIT_BONUS = 4;
const MIN_TRIGRAM_RUN = 3;

/** The run of letters or digits in `q` most likely to be rare; null when none has 3 characters. */
export function distinctiveRun(q: string): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [run] of q.matchAll(RUNS)) {
    if (run.length < MIN_TRIGRAM_RUN) continue;
    const score = run.length + (/\p{N}/u.test(run) ? DIGIT_BONUS : 0);
    if (score > bestScore) {
      best = run;
      bestScore = score;
    }
  }
  return best;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
