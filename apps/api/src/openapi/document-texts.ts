import type { SecuritySchemeObject } from '@nestjs/swagger';
import { PROBLEM_CODES } from '../common/problem/problem-codes';

const codeTable = Object.entries(PROBLEM_CODES)
  .map(([code, { status, meaning }]) => `| ${status} | \`${code}\` | ${meaning} |`)
  .join('\n');

/** The reference's introduction: what the API is and the rules every operation shares. */
export const API_DESCRIPTION = `Partners submit leads to companies; companies qualify them, turn them into customers and pay
commissions. This is the REST API behind the admin app, the \`<lead-form>\` widget and the typed SDK
(\`@leadbridge/sdk\`): everything they do, your code can do.

## Authentication

Four kinds of credentials; each operation lists the ones it accepts.

- **API key** (\`Authorization: Bearer sk_…\`): your server, with your company's full rights. Create
  keys in the admin app under Developers; a key is shown once.
- **Partner session** (\`Authorization: Bearer pt_…\`): one partner in one program, minted by your
  server with \`createPartnerSession\` (or by the widget's email sign-in) and handed to
  \`<lead-form session-token=…>\`. Partner sessions see only their own leads, imports and messages;
  company-only operations answer 403 \`partner_forbidden\`, and calls from a browser must come from
  one of the program's allowed origins (403 \`origin_not_allowed\`).
- **Cookie session** (\`lb_session\`, set by \`signIn\`): the admin app. Every write (POST, PATCH,
  DELETE) must also send the \`X-CSRF-Token\` header with the \`csrfToken\` that \`signIn\` and
  \`getCurrentSession\` return, or it is refused with 403 \`csrf_failed\`. Members are read-only
  (403 \`insufficient_role\`).
- **Publishable key** (\`pk_…\`): not a credential but the public name of a program, safe to put in
  a web page. It is part of the path or body of the public operations (\`getPublicProgram\`,
  \`requestSignInCode\`, \`verifySignInCode\`), which need no \`Authorization\`.

## Errors

Every error is an RFC 9457 \`application/problem+json\` body with a stable \`code\`; \`detail\` is for
people. Validation errors (422 \`validation_failed\`) list each bad input in \`errors[]\`: \`field\`
(\`email\`, \`fields.budget\`, \`mapping.2\`, \`cursor\`…), \`code\` (\`required\`, \`invalid_email\`,
\`invalid_cursor\`…), \`params\` (the values the message was built from, e.g. \`{"label":"Email"}\`)
and \`message\`. Each operation lists the codes it can answer.

| status | code | meaning |
| --- | --- | --- |
${codeTable}

## Conventions

- **Lists** are cursor-paged: \`?limit=\` (1–200, default 50) and \`?cursor=\` (the previous page's
  \`nextCursor\`); the answer is \`{ data, nextCursor }\`, \`nextCursor\` null on the last page. A
  cursor this API did not return answers 422 (\`errors[].code\` = \`invalid_cursor\`).
- **Idempotency**: every authenticated POST accepts an \`Idempotency-Key\` header; a retry with the
  same key and body replays the first answer.
- **Concurrency**: records with a \`version\` take it back on update; a stale one answers 409
  \`version_conflict\` with the current record in \`current\`.
- **Lead forms**: a program's form has four built-in fields with fixed camelCase keys —
  \`firstName\`, \`lastName\`, \`email\`, \`company\` — and \`email\` is always required. Custom fields
  live under \`fields.<key>\`.
- **Money** is integer minor units plus an ISO 4217 currency (\`{ "amount": 12500, "currency": "EUR" }\`).
`;

/** The credentials the API accepts (see the introduction); operations pick among them. */
export const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    // Opaque tokens, not JWTs (the builder's default would say JWT).
    bearerFormat: 'sk_…',
    description:
      "A company API key, `Authorization: Bearer sk_…`: your server, with the company's full rights.",
  },
  partnerSession: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'pt_…',
    description:
      'A partner session token, `Authorization: Bearer pt_…`, from `createPartnerSession` or the email sign-in: one partner in one program.',
  },
  cookieSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'lb_session',
    description:
      "The admin app's session cookie, set by `signIn`. Writes also need `X-CSRF-Token`.",
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'The `csrfToken` of the cookie session (from `signIn` or `getCurrentSession`); required on every cookie-session write.',
  },
};

/** Generators need a base URL; `baseUrl` is where your Leadbridge API runs (its PUBLIC_URL). */
export const SERVERS = [
  {
    url: '{baseUrl}',
    description: 'Your Leadbridge API',
    variables: {
      baseUrl: {
        default: 'http://localhost:3000',
        description: 'Where the API runs (its `PUBLIC_URL`), e.g. https://leads.example.org',
      },
    },
  },
];

/** Tag descriptions, in the order the reference shows them. */
export const TAGS = [
  { name: 'leads', description: 'Leads: submit, list, search, edit and move through stages.' },
  {
    name: 'imports',
    description:
      'CSV imports of leads: dry run, upload, progress, cancel, history, error CSV and templates.',
  },
  {
    name: 'customers',
    description: 'Won leads become customers; their transactions earn commissions.',
  },
  {
    name: 'commissions',
    description: "Partners' commissions: approve, decline, mark paid, export.",
  },
  {
    name: 'programs',
    description: 'Partner programs: form, stages, offer, switches, allowed origins.',
  },
  { name: 'partners', description: 'Partners and their enrolment in programs.' },
  {
    name: 'partner-sessions',
    description: 'Partner session tokens and the partner email sign-in.',
  },
  { name: 'partner', description: "The signed-in partner's own program." },
  { name: 'messages', description: 'Message threads between a company and its partners.' },
  { name: 'notifications', description: "A partner's email notification preferences." },
  { name: 'webhooks', description: 'Webhook endpoints, signed deliveries and resends.' },
  {
    name: 'analytics',
    description: 'Dashboard figures: leads by week, funnel, revenue, top partners.',
  },
  { name: 'company', description: 'The company itself.' },
  { name: 'team', description: 'Company users and invitations.' },
  { name: 'api-keys', description: 'API keys for your servers.' },
  { name: 'auth', description: 'Company user sign-up, sign-in and session.' },
  { name: 'public', description: 'Public program data, by publishable key.' },
  { name: 'health', description: 'Liveness and readiness.' },
];
