import { z } from 'zod';
import { EYFS_AREAS } from '../domain/eyfs';
import { termIdSchema } from './meetings';
import { channel, daySchema, idOutput, idSchema, okOutput, text } from './define';
import { DIARY_SHARERS, shareMethodSchema } from './diary';
import { CHILD_READERS, optionalText } from './fields';

// Observations and next steps (issue 13; the information sharing guidance's "planning and
// observation"), and joint home visits. An observation from a partner setting is typed in with its
// source and is third-party information (our policy 1.3). Sharing either with a partner asks the
// consent register: scope "observations" and "home visits" (the guidance: "must have parental consent").

export const eyfsAreaSchema = z.enum(EYFS_AREAS, { error: 'Choose the areas of learning from the list.' });

export const NEXT_STEP_STATUSES = ['planned', 'in-progress', 'achieved'] as const;
export const NEXT_STEP_STATUS_LABELS: Record<(typeof NEXT_STEP_STATUSES)[number], string> = { planned: 'Planned', 'in-progress': 'In progress', achieved: 'Achieved' };
export const NEXT_STEP_WHERE = ['home', 'here', 'partner'] as const;
export const NEXT_STEP_WHERE_LABELS: Record<(typeof NEXT_STEP_WHERE)[number], string> = { home: 'At home', here: 'Here', partner: 'At the partner setting' };

export const nextStepSchema = z.object({
  text: text('The next step', 1000),
  status: z.enum(NEXT_STEP_STATUSES, { error: 'Choose the next step’s status.' }).default('planned'),
  where: z.enum(NEXT_STEP_WHERE, { error: 'Say where the next step happens.' }).default('here'),
});

export const observationAddSchema = z.object({
  childId: idSchema,
  observedOn: daySchema,
  areas: z.array(eyfsAreaSchema, { error: 'Choose at least one area of learning.' }).min(1, 'Choose at least one area of learning.').max(EYFS_AREAS.length),
  text: text('What was observed', 4000),
  /** The partner setting it was made at (typed in from them); absent or null: here, by us. */
  partnerId: idSchema.nullable().optional(),
  /** Who observed; for our own, the person logged in when left empty. */
  observerName: optionalText('Who observed', 120),
  nextStep: nextStepSchema.optional(),
});

export const observationSchema = z.object({
  id: z.string(),
  childId: z.string(),
  observedOn: z.string(),
  term: z.string(),
  areas: z.array(eyfsAreaSchema),
  text: z.string(),
  /** null: here. */
  partnerId: z.string().nullable(),
  settingName: z.string(),
  observerName: z.string(),
  /** Our policy 1.3: from another setting, so it is shared only with their agreement. */
  thirdParty: z.boolean(),
  nextStep: z.object({ text: z.string(), status: z.enum(NEXT_STEP_STATUSES), where: z.enum(NEXT_STEP_WHERE), updatedAt: z.string(), updatedByName: z.string().nullable() }).nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type Observation = z.infer<typeof observationSchema>;

export const homeVisitRecordSchema = z.object({
  childId: idSchema,
  visitedOn: daySchema,
  who: text('Who went', 300),
  /** Whether someone from here went. */
  fromUs: z.boolean().default(true),
  /** The partner settings that came. */
  partnerIds: z.array(idSchema).max(10).default([]),
  notes: text('Notes of the visit', 4000),
  nextSteps: optionalText('Next steps', 2000),
});

export const homeVisitSchema = z.object({
  id: z.string(),
  childId: z.string(),
  visitedOn: z.string(),
  who: z.string(),
  fromUs: z.boolean(),
  settings: z.array(z.object({ partnerId: z.string(), name: z.string() })),
  notes: z.string(),
  nextSteps: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  shares: z.array(z.object({ shareId: z.string(), partnerId: z.string(), partnerName: z.string(), method: shareMethodSchema, consentId: z.string().nullable(), sharedAt: z.string(), sharedByName: z.string() })),
});
export type HomeVisit = z.infer<typeof homeVisitSchema>;

const refusedShare = z.object({ shared: z.literal(false), reason: z.string(), message: z.string() });

export const observationsChannels = {
  'observations.add': channel({
    summary: 'Records an observation of a child: the day, the setting, the areas of learning, what was seen, who saw it and a next step.',
    access: CHILD_READERS,
    kind: 'write',
    input: observationAddSchema,
    output: idOutput,
  }),
  'observations.list': channel({
    summary: 'Lists a child’s observations and next steps, by area of learning and term.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({
      childId: idSchema,
      area: eyfsAreaSchema.optional(),
      term: termIdSchema.optional(),
    }),
    output: z.object({ observations: z.array(observationSchema), terms: z.array(z.object({ id: z.string(), label: z.string() })) }),
  }),
  'observations.setNextStep': channel({
    summary: 'Changes the status of an observation’s next step (planned, in progress, achieved).',
    access: CHILD_READERS,
    kind: 'write',
    input: z.object({ observationId: idSchema, status: z.enum(NEXT_STEP_STATUSES, { error: 'Choose the next step’s status.' }) }),
    output: okOutput,
  }),
};

export const homeVisitsChannels = {
  'homevisits.record': channel({
    summary: 'Records a joint home visit: the day, who went from which settings, notes and next steps.',
    access: CHILD_READERS,
    kind: 'write',
    input: homeVisitRecordSchema,
    output: idOutput,
  }),
  'homevisits.list': channel({
    summary: 'Lists a child’s home visits with where their notes were shared.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({ visits: z.array(homeVisitSchema) }),
  }),
  'homevisits.share': channel({
    summary: 'Records that the notes of a home visit were shared with a partner setting, where the consent register allows it.',
    access: DIARY_SHARERS,
    kind: 'write',
    input: z.object({ homeVisitId: idSchema, partnerId: idSchema, method: shareMethodSchema }),
    output: z.discriminatedUnion('shared', [z.object({ shared: z.literal(true), shareId: z.string(), consentId: z.string().nullable() }), refusedShare]),
  }),
};
