/**
 * Every problem `code` the API answers, with its HTTP status and what it means to a client. The
 * OpenAPI document lists, per operation, the codes that operation can answer (ApiProblems plus
 * the families openapi.ts derives from the route's access rules); the text here is what the
 * reference shows next to each code, and `example` is a typical `detail`.
 */
export const PROBLEM_CODES = {
  // 400
  invalid_json: { status: 400, meaning: 'The body is not valid JSON.' },
  invalid_multipart: { status: 400, meaning: 'The multipart/form-data body is malformed.' },
  // 401
  unauthenticated: {
    status: 401,
    meaning: 'No credentials, or expired/revoked ones: sign in again or send a valid key or token.',
  },
  invalid_credentials: { status: 401, meaning: 'Wrong email or password.' },
  // 403
  partner_forbidden: {
    status: 403,
    meaning: 'A partner session called an operation for company principals only.',
  },
  partner_only: {
    status: 403,
    meaning: 'An API key or company user called an operation for partner sessions only.',
  },
  origin_not_allowed: {
    status: 403,
    meaning:
      "A browser call came from an origin that is not in the program's allowed origins (partner-facing operations).",
  },
  csrf_failed: {
    status: 403,
    meaning:
      'A cookie-session write without the `X-CSRF-Token` header that sign-in (or `getCurrentSession`) returned.',
  },
  insufficient_role: {
    status: 403,
    meaning: "The signed-in user's role may not do this (members are read-only).",
  },
  user_session_required: {
    status: 403,
    meaning: 'Only a signed-in company user (cookie session) can do this; an API key cannot.',
  },
  lead_submission_disabled: {
    status: 403,
    meaning: 'The program does not accept lead submissions (switched off or archived).',
  },
  lead_import_disabled: {
    status: 403,
    meaning: 'Importing leads is switched off for the program.',
  },
  lead_not_editable: {
    status: 403,
    meaning: 'Partners may edit their leads only while they are New or Qualified.',
  },
  // 404
  not_found: {
    status: 404,
    meaning: 'No such resource for this caller (another tenant’s ids answer the same).',
  },
  program_not_found: { status: 404, meaning: 'No program has this publishable key.' },
  // 409
  duplicate_lead: {
    status: 409,
    meaning:
      'A lead with this email (or company domain) is already registered in the program; `firstRegisteredAt` says when.',
  },
  version_conflict: {
    status: 409,
    meaning: 'The record changed since it was read: `current` holds it; retry with its `version`.',
  },
  program_changed: {
    status: 409,
    meaning: "The program's form changed while the lead was being saved: retry.",
  },
  program_archived: { status: 409, meaning: 'The program is archived.' },
  import_already_running: {
    status: 409,
    meaning:
      'The partner already has the allowed number of imports running (`runningImportIds`); wait or cancel one.',
  },
  import_not_running: {
    status: 409,
    meaning:
      'The import has already ended (completed, failed or cancelled) and cannot be cancelled.',
  },
  partner_exists: { status: 409, meaning: 'A partner with this email already exists.' },
  partner_archived: { status: 409, meaning: 'The partner is archived.' },
  partner_key_taken: { status: 409, meaning: 'Another partner of the program has this key.' },
  already_enrolled: { status: 409, meaning: 'The partner is already enrolled in the program.' },
  already_member: { status: 409, meaning: 'This person is already a member of the company.' },
  email_taken: { status: 409, meaning: 'An account with this email already exists.' },
  invitation_accepted: { status: 409, meaning: 'The invitation was already accepted.' },
  last_owner: { status: 409, meaning: 'The company must keep at least one owner.' },
  webhook_endpoint_limit: {
    status: 409,
    meaning: 'The company has the most webhook endpoints allowed.',
  },
  idempotency_in_progress: {
    status: 409,
    meaning:
      'A request with this `Idempotency-Key` is still running: retry after `Retry-After` seconds.',
  },
  idempotency_conflict: { status: 409, meaning: 'The `Idempotency-Key` record changed: retry.' },
  // 413
  payload_too_large: { status: 413, meaning: 'The JSON body is larger than the API accepts.' },
  file_too_large: { status: 413, meaning: 'The CSV file or workbook is larger than `maxBytes`.' },
  too_many_rows: {
    status: 413,
    meaning: 'The CSV file (or the workbook sheet) has more rows than `maxRows`.',
  },
  // 415
  unsupported_media_type: {
    status: 415,
    meaning: 'Send the file as multipart/form-data (field `file`), or as a text/csv or .xlsx body.',
  },
  not_csv: {
    status: 415,
    meaning:
      'The file is neither CSV text nor an Excel workbook (.xlsx) the import reads: binary, a zip that is no workbook, a damaged or password-protected workbook, or Excel 97–2003 (.xls).',
  },
  // 422
  validation_failed: {
    status: 422,
    meaning:
      'Some input is invalid: `errors[]` names each field (`field`), why (`code`, `params`) and says it in words (`message`). Also an unknown `cursor` (`errors[].code` = `invalid_cursor`) and text holding NUL or broken Unicode (`invalid_text`).',
  },
  invalid_text: {
    status: 422,
    meaning: 'The request holds text that cannot be stored (a NUL character or broken Unicode).',
  },
  idempotency_key_reused: {
    status: 422,
    meaning: 'This `Idempotency-Key` was already used with a different request.',
  },
  invalid_stage_transition: {
    status: 422,
    meaning:
      'The lead cannot move from its stage to that one (`allowedStages` lists where it can).',
  },
  missing_required_columns: {
    status: 422,
    meaning:
      'No column of the file maps to a required field (`missingFields`, `headers`): add the column or map one to it.',
  },
  empty_file: { status: 422, meaning: 'The file is empty.' },
  no_rows: { status: 422, meaning: 'The file has a header row but no rows below it.' },
  unclosed_quote: { status: 422, meaning: 'A quoted cell never ends (`row`).' },
  row_too_long: { status: 422, meaning: 'One row is longer than a row may be (`row`).' },
  webhook_url_invalid: { status: 422, meaning: 'The webhook URL is not an absolute http(s) URL.' },
  webhook_url_not_allowed: {
    status: 422,
    meaning:
      'The webhook URL points at a private, loopback or link-local address, or carries credentials.',
  },
  webhook_url_unresolvable: { status: 422, meaning: "The webhook URL's host does not resolve." },
  partner_not_enrolled: { status: 422, meaning: 'The partner is not active in this program.' },
  invitation_invalid: { status: 422, meaning: 'The invitation token is unknown or revoked.' },
  invitation_expired: { status: 422, meaning: 'The invitation has expired: ask for a new one.' },
  invalid_code: { status: 422, meaning: 'The sign-in code is not right.' },
  code_expired: { status: 422, meaning: 'The sign-in code has expired.' },
  too_many_attempts: { status: 422, meaning: 'Too many wrong codes: ask for a new one.' },
  // 429
  rate_limited: {
    status: 429,
    meaning: 'Too many attempts: retry after `Retry-After` seconds (`retryAfterSeconds`).',
  },
  // 503
  service_unavailable: {
    status: 503,
    meaning: 'The database is unreachable for a moment: retry after `Retry-After` seconds.',
  },
  upload_aborted: {
    status: 503,
    meaning:
      'The upload could not be stored (storage unavailable or the connection dropped): retry.',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
