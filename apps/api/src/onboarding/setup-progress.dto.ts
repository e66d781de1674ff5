import { z } from 'zod/mini';

/** The guided setup of a new company, in order. */
export const SETUP_STEPS = [
  'create_program',
  'allow_origins',
  'share_form',
  'invite_partner',
  'first_lead',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const setupProgressSchema = z
  .object({
    steps: z.array(z.object({ key: z.enum(SETUP_STEPS), done: z.boolean() })),
    complete: z.boolean(),
    programId: z.nullable(z.string()),
    formFirstLoadedFrom: z.nullable(
      z.string().register(z.globalRegistry, {
        description: 'Where the form first loaded: an allowed origin, or `portal`.',
        examples: ['https://www.example.org'],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'SetupProgress',
    description:
      'How far the company is from its first lead, read from its data: a program exists; it allows the origin of a page (or the hosted portal is in use); the form has loaded there (`formFirstLoadedFrom`: that origin, or `portal`); a partner is enrolled; a lead arrived. `programId` is the program the steps are about (the oldest active one). Once a lead exists, the steps before it count as done.',
  });
export type SetupProgressDto = z.infer<typeof setupProgressSchema>;
