import {
  currencySchema,
  DEDUPE_POLICIES,
  DEFAULT_LEAD_FORM_SCHEMA,
  describeOffer,
  LEAD_STAGES,
  leadFormSchemaSchema,
  offerSchema,
  resolveStageLabels,
  SUPPORTED_LOCALES,
  stageLabelsSchema,
} from '@leadbridge/core';
import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { LOGO_MAX_BYTES } from './logo-image';
import { hostedPortalUrl, logoUrl } from './portal-links';
import { APPLICATION_MODES, type Program } from './program.entity';

export const MAX_ALLOWED_ORIGINS = 20;
export const PROGRAM_NAME_MAX_LENGTH = 200;
export const PROGRAM_DESCRIPTION_MAX_LENGTH = 2000;
export const PORTAL_URL_MAX_LENGTH = 2000;
/**
 * Room for images well past the 256 kB limit, so the settings check answers a too-large logo with
 * its size and the limit (a request over 1 MB is refused by the body parser first).
 */
const LOGO_DATA_URL_MAX_LENGTH = Math.ceil((LOGO_MAX_BYTES * 4 * 2.5) / 3);

/**
 * A request field that core validates in the service (its checker reports every problem with a
 * stable code and path), documented in OpenAPI as the core shape it must have. zod 4 copies
 * registry metadata into the JSON Schema, so the SDK still gets the real type.
 */
function checkedByCore(schema: z.ZodMiniType, id: string, extra: Record<string, unknown> = {}) {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
  }) as Record<string, unknown>;
  return z.unknown().register(z.globalRegistry, { id, ...json, ...extra });
}

/**
 * The form rules a client must know, written into the schema: the four built-in fields are
 * always there under their camelCase keys, and `email` is always required.
 */
const BUILT_IN_FIELD_RULES = {
  examples: [DEFAULT_LEAD_FORM_SCHEMA],
  description:
    "A program's lead form. It always has the four built-in fields under their fixed camelCase keys — `firstName`, `lastName`, `email`, `company` (`builtIn: true`; a form without one is refused with `builtin_missing`, e.g. when it names `first_name`) — and `email` is always required (`builtin_optional`). Custom fields have their own keys (`^[a-z][a-zA-Z0-9_]*$`) and types.",
  allOf: [
    ...['firstName', 'lastName', 'company'].map((key) => ({
      properties: {
        fields: {
          contains: { type: 'object', properties: { key: { const: key } }, required: ['key'] },
        },
      },
    })),
    {
      properties: {
        fields: {
          contains: {
            type: 'object',
            properties: { key: { const: 'email' }, required: { const: true } },
            required: ['key', 'required'],
          },
        },
      },
    },
  ],
};

export const leadFormSchemaInput = checkedByCore(
  leadFormSchemaSchema,
  'LeadFormSchemaInput',
  BUILT_IN_FIELD_RULES,
);
export const offerInput = checkedByCore(offerSchema, 'OfferInput');
const APPLICATION_QUESTIONS_RULES = {
  description:
    "The program's own questions to applicants: lead-form fields (same types and rules) without the built-in keys `firstName`, `lastName`, `email`, `company` — name, email, company and website are always asked.",
  examples: [
    {
      fields: [
        {
          key: 'audience',
          label: 'Who do you sell to?',
          type: 'textarea',
          required: true,
          order: 0,
        },
      ],
    },
  ],
};
export const applicationQuestionsInput = checkedByCore(
  leadFormSchemaSchema,
  'ApplicationQuestionsInput',
  APPLICATION_QUESTIONS_RULES,
);
export const applicationQuestionsDoc = z
  .object(leadFormSchemaSchema.shape)
  .register(z.globalRegistry, { id: 'ApplicationQuestions', ...APPLICATION_QUESTIONS_RULES });

/** Each use gets its own schema object, so each may carry its own description. */
function applicationModeField(description: string) {
  return z.enum(APPLICATION_MODES).register(z.globalRegistry, {
    description: `${description} \`closed\` (default): by invitation only; \`approval\`: anyone may apply, the company approves or declines; \`auto\`: applicants are enrolled as soon as they confirm their email.`,
    examples: ['approval'],
  });
}
const APPLICATION_DOMAINS_DESCRIPTION =
  'Applicants’ email must be at one of these domains (e.g. `example.com`); empty = any domain.';
export const MAX_APPLICATION_DOMAINS = 50;

// Copies of core's shapes, so naming them for the SDK does not touch core's schema objects.
export const leadFormSchemaDoc = z
  .object(leadFormSchemaSchema.shape)
  .register(z.globalRegistry, { id: 'LeadFormSchema', ...BUILT_IN_FIELD_RULES });
export const offerDoc = z.object(offerSchema.shape).register(z.globalRegistry, { id: 'Offer' });
export const stageLabelsDoc = z
  .object(stageLabelsSchema.shape)
  .register(z.globalRegistry, { id: 'StageLabels' });
export const resolvedStageLabelsSchema = z
  .object(Object.fromEntries(LEAD_STAGES.map((stage) => [stage, z.string()])))
  .register(z.globalRegistry, {
    id: 'ResolvedStageLabels',
    description: 'The label of every stage: the program’s own name, or the default.',
  });

/**
 * A language Leadbridge speaks to partners, described for where it is used. Each call makes a
 * schema of its own: registering a description on one shared schema would give every use the
 * last description.
 */
export function localeField(description: string) {
  return z.enum(SUPPORTED_LOCALES).register(z.globalRegistry, {
    description: `${description} One of \`en\`, \`de\`, \`fr\`, \`es\`, \`pt-BR\` (Brazilian Portuguese), \`it\`, \`nl\`.`,
    examples: ['fr'],
  });
}

const nameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(PROGRAM_NAME_MAX_LENGTH));
const descriptionSchema = z.nullable(
  z.string().check(z.trim(), z.maxLength(PROGRAM_DESCRIPTION_MAX_LENGTH)),
);

/** Settings a company may set when creating a program and change later. */
const settingsShape = {
  description: z.optional(descriptionSchema),
  leadSubmissionEnabled: z.optional(z.boolean()),
  leadImportEnabled: z.optional(z.boolean()),
  formSchema: z.optional(leadFormSchemaInput),
  stageLabels: z.optional(stageLabelsSchema),
  offer: z.optional(offerInput),
  dedupePolicy: z.optional(z.enum(DEDUPE_POLICIES)),
  defaultLocale: z.optional(
    localeField('The language of emails to this program’s partners who have not chosen their own.'),
  ),
  allowedOrigins: z.optional(
    z.array(z.string().check(z.maxLength(300))).check(z.maxLength(MAX_ALLOWED_ORIGINS)),
  ),
  applications: z.optional(applicationModeField('Whether people may apply to join the program.')),
  applicationDomains: z.optional(
    z
      .array(z.string().check(z.maxLength(253)))
      .check(z.maxLength(MAX_APPLICATION_DOMAINS))
      .register(z.globalRegistry, {
        description: APPLICATION_DOMAINS_DESCRIPTION,
        examples: [['example.com']],
      }),
  ),
  applicationQuestions: z.optional(applicationQuestionsInput),
  portalUrl: z.optional(z.nullable(z.string().check(z.maxLength(PORTAL_URL_MAX_LENGTH)))),
  brandColor: z.optional(
    z.nullable(
      z
        .string()
        .check(z.maxLength(20))
        .register(z.globalRegistry, {
          description:
            'The accent of the hosted portal, partner emails and the form there: `#rrggbb`.',
          examples: ['#0b7285'],
        }),
    ),
  ),
  logo: z.optional(
    z.nullable(
      z
        .string()
        .check(z.maxLength(LOGO_DATA_URL_MAX_LENGTH))
        .register(z.globalRegistry, {
          description:
            'A `data:image/png|jpeg|webp|gif;base64,…` URL of at most 256 kB of image; null removes the logo.',
          examples: [
            'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
          ],
        }),
    ),
  ),
};

export const createProgramBody = z
  .strictObject({ name: nameSchema, currency: currencySchema, ...settingsShape })
  .register(z.globalRegistry, { id: 'CreateProgramRequest' });
export type CreateProgramBody = z.infer<typeof createProgramBody>;

export const updateProgramBody = z
  .strictObject({
    version: z.optional(z.int().check(z.gte(1))),
    name: z.optional(nameSchema),
    currency: z.optional(currencySchema),
    slug: z.optional(
      z
        .string()
        .check(z.maxLength(100))
        .register(z.globalRegistry, {
          description:
            'The hosted portal’s address part, `/p/<slug>`: 3–60 of a-z, 0-9 and single hyphens.',
          examples: ['northwind-partners'],
        }),
    ),
    ...settingsShape,
  })
  .register(z.globalRegistry, {
    id: 'UpdateProgramRequest',
    description:
      'Only the fields sent change. Send the `version` you read to refuse overwriting a newer edit (409 version_conflict).',
  });
export type UpdateProgramBody = z.infer<typeof updateProgramBody>;

export const PROGRAM_STATUSES = ['active', 'archived'] as const;

export const listProgramsQuery = z.object({
  ...pageQueryShape,
  status: z.optional(z.enum(PROGRAM_STATUSES)),
});
export type ListProgramsQuery = z.infer<typeof listProgramsQuery>;

export const localeQuery = z.object({
  locale: z.optional(z.string().check(z.maxLength(35))),
});

export const programSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.nullable(z.string()),
    status: z.enum(PROGRAM_STATUSES),
    publishableKey: z.string(),
    leadSubmissionEnabled: z.boolean(),
    leadImportEnabled: z.boolean(),
    formSchema: leadFormSchemaDoc,
    stageLabels: stageLabelsDoc,
    resolvedStageLabels: resolvedStageLabelsSchema,
    offer: offerDoc,
    offerDescription: z.array(z.string()),
    currency: z.string(),
    dedupePolicy: z.enum(DEDUPE_POLICIES),
    defaultLocale: localeField(
      'The language of emails to this program’s partners who have not chosen their own (sign-in codes, lead updates, import results, invitations…).',
    ),
    allowedOrigins: z.array(z.string()),
    applications: applicationModeField('Whether people may apply to join the program.'),
    applicationDomains: z.array(z.string()).register(z.globalRegistry, {
      description: APPLICATION_DOMAINS_DESCRIPTION,
      examples: [['example.com']],
    }),
    applicationQuestions: applicationQuestionsDoc,
    portalUrl: z.nullable(z.string()),
    slug: z.string().register(z.globalRegistry, {
      description: 'The hosted partner portal is at `/p/<slug>` on the API’s public URL.',
      examples: ['northwind-partners'],
    }),
    hostedPortalUrl: z.string().register(z.globalRegistry, {
      description: 'The program’s hosted partner portal page.',
      examples: ['https://api.example.org/p/northwind-partners'],
    }),
    brandColor: z.nullable(z.string().register(z.globalRegistry, { examples: ['#0b7285'] })),
    logoUrl: z.nullable(
      z.string().register(z.globalRegistry, {
        description: 'The uploaded logo as the portal serves it; null without one.',
        examples: [
          'https://api.example.org/p/3f0c1e9a-52b4-4c1d-8e7a-000000000001/logo?v=5d41402abc4b',
        ],
      }),
    ),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'Program' });
export type ProgramDto = z.infer<typeof programSchema>;

export const programPageSchema = pageSchema(programSchema).register(z.globalRegistry, {
  id: 'ProgramPage',
});

export const publicProgramSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    formSchema: leadFormSchemaDoc,
    stageLabels: resolvedStageLabelsSchema,
    leadSubmissionEnabled: z.boolean(),
    leadImportEnabled: z.boolean(),
    applications: applicationModeField(
      'Whether a visitor who is not a partner may apply to join (`applyToProgram`).',
    ),
    applicationQuestions: applicationQuestionsDoc,
    locale: localeField(
      'The language the labels are in (from `?locale=`; English when none fits).',
    ),
  })
  .register(z.globalRegistry, {
    id: 'PublicProgram',
    description: 'What the <lead-form> widget needs before anyone signs in.',
  });
export type PublicProgramDto = z.infer<typeof publicProgramSchema>;

export const partnerProgramSchema = z
  .object({
    ...publicProgramSchema.shape,
    description: z.nullable(z.string()),
    currency: z.string(),
    offer: offerDoc,
    offerDescription: z.array(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'PartnerProgram',
    description: 'The program summary a signed-in partner sees, with the offer in plain words.',
  });
export type PartnerProgramDto = z.infer<typeof partnerProgramSchema>;

export function toProgramDto(program: Program, publicUrl: string): ProgramDto {
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    status: program.archivedAt ? 'archived' : 'active',
    publishableKey: program.publishableKey,
    leadSubmissionEnabled: program.leadSubmissionEnabled,
    leadImportEnabled: program.leadImportEnabled,
    formSchema: program.formSchema,
    stageLabels: program.stageLabels,
    resolvedStageLabels: resolveStageLabels(program.stageLabels),
    offer: program.offer,
    offerDescription: describeOffer(program.offer, { labels: program.stageLabels }),
    currency: program.currency,
    dedupePolicy: program.dedupePolicy,
    defaultLocale: program.defaultLocale,
    allowedOrigins: program.allowedOrigins,
    applications: program.applications,
    applicationDomains: program.applicationDomains,
    applicationQuestions: program.applicationQuestions,
    portalUrl: program.portalUrl,
    slug: program.slug,
    hostedPortalUrl: hostedPortalUrl(publicUrl, program),
    brandColor: program.brandColor,
    logoUrl: logoUrl(publicUrl, program),
    version: program.version,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
    archivedAt: program.archivedAt ? program.archivedAt.toISOString() : null,
  };
}
