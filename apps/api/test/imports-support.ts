// Kept at this path for test/reliability/*, which import it from here; the helpers live in
// support/imports.ts (new tests import them from there).
export { importEnv, upload, waitForImport } from './support/imports';
