const REQUIRED_MARKER =
  /\s*(?:\*+|\(\s*(?:required|optional|erforderlich|pflicht|pflichtfeld)\s*\))\s*$/;

/**
 * Reduces a CSV header to comparable words: no BOM, case, accents, required-markers (` *`,
 * `(required)`) or punctuation. `"  E-Mail-Adresse *"` → `"e mail adresse"`.
 */
export function normalizeHeader(header: string): string {
  let text = header
    .replace(/^\uFEFF+/, '')
    .trim()
    .toLowerCase();
  let previous: string;
  do {
    previous = text;
    text = text.replace(REQUIRED_MARKER, '');
  } while (text !== previous);
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What the mapper compares: the normalised header without spaces, so `First Name`,
 * `first_name`, `FIRSTNAME` and the key `firstName` all meet.
 */
export function headerMatchKey(header: string): string {
  return normalizeHeader(header).replace(/ /g, '');
}
