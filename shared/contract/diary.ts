import { z } from 'zod';
import { channel, daySchema, idSchema, noInput, ROLES, text, type Role } from './define';

// The week-view communication diary (seed 000: "communication diary/log … week view diary book (can
// help you recognise patterns in occurrences)"; EYFS: a regular two-way flow of information between
// parents and every setting a child attends).

/** Everyone on the staff reads the diary and adds to it. */
export const DIARY_READERS: readonly Role[] = ROLES;
/** Each setting's planning for the week is kept by the office. */
export const WEEK_PLAN_KEEPERS: readonly Role[] = ['office', 'manager', 'admin'];
/** Sharing an entry with a partner setting: office, manager and the DSL. */
export const DIARY_SHARERS: readonly Role[] = ['office', 'manager', 'dsl'];
/** Correcting someone else's entry: office, the DSL and managers (the author may always correct their own). */
export const DIARY_AMENDERS: readonly Role[] = ['office', 'dsl', 'manager'];

/** Whether this member of staff may correct an entry written by `authorId` (the core enforces it; the screen follows). */
export function mayAmendEntry(user: { userId: string; roles: readonly Role[] }, authorId: string): boolean {
  return user.userId === authorId || user.roles.some((r) => DIARY_AMENDERS.includes(r));
}

export const DIARY_CATEGORIES = [
  'arrival',
  'departure',
  'food',
  'sleep',
  'toileting',
  'health',
  'wellbeing',
  'learning',
  'accident',
  'message',
  'other',
] as const;
export const diaryCategorySchema = z.enum(DIARY_CATEGORIES, { error: 'Choose what the entry is about.' });
export type DiaryCategory = z.infer<typeof diaryCategorySchema>;

export const DIARY_CATEGORY_LABELS: Record<DiaryCategory, string> = {
  arrival: 'Arrival and handover',
  departure: 'Departure and transfer between settings',
  food: 'Food and drink',
  sleep: 'Sleep',
  toileting: 'Toileting and nappies',
  health: 'Health and medication given',
  wellbeing: 'Wellbeing and mood',
  learning: 'Learning and activities',
  accident: 'Accident or incident',
  message: 'Message or request',
  other: 'Other',
};

/** Short labels for grids and print. */
export const DIARY_CATEGORY_SHORT: Record<DiaryCategory, string> = {
  arrival: 'Arrival',
  departure: 'Departure',
  food: 'Food',
  sleep: 'Sleep',
  toileting: 'Toileting',
  health: 'Health/medication',
  wellbeing: 'Wellbeing',
  learning: 'Learning',
  accident: 'Accident',
  message: 'Message',
  other: 'Other',
};

/** `HH:MM`, 24-hour. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 08:45.');
/** An optional time: '' means none (what an empty time box sends). */
const optionalTimeSchema = z
  .union([timeSchema, z.literal('')])
  .optional()
  .nullable()
  .transform((t) => (t ? t : null));

/** Who wrote it: one of our staff (yourself by default), a named parent or carer, or a partner setting and its person. */
export const diaryFromSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('staff'), userId: idSchema.optional() }),
    z.object({ kind: z.literal('carer'), carerId: idSchema }),
    z.object({ kind: z.literal('partner'), partnerId: idSchema, person: z.string().trim().max(120).optional() }),
  ],
  { error: 'Say who the entry is from.' },
);
/** Who it is for: our staff (or one of them), the child's parents and carers (or one of them), or a partner setting. */
export const diaryToSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('staff'), userId: idSchema.optional() }),
    z.object({ kind: z.literal('carer'), carerId: idSchema.optional() }),
    z.object({ kind: z.literal('partner'), partnerId: idSchema, person: z.string().trim().max(120).optional() }),
  ],
  { error: 'Say who the entry is for.' },
);
export type DiaryFrom = z.infer<typeof diaryFromSchema>;
export type DiaryTo = z.infer<typeof diaryToSchema>;

export const PARTY_KINDS = ['staff', 'carer', 'partner'] as const;
export const partySchema = z.object({
  kind: z.enum(PARTY_KINDS),
  /** The user, carer or partner; null for "our staff" or "parents and carers" in general. */
  id: z.string().nullable(),
  /** The name as it was when the entry was written, e.g. "Sam Jones (mother)" or "Sunshine Childminding (Jo)". */
  name: z.string(),
  person: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

/** Filter for search: where an entry came from. "transcribed" are entries typed in from another setting's book. */
export const DIARY_SOURCES = ['staff', 'carer', 'partner', 'transcribed'] as const;
export const diarySourceSchema = z.enum(DIARY_SOURCES);
export type DiarySource = z.infer<typeof diarySourceSchema>;
export const DIARY_SOURCE_LABELS: Record<DiarySource, string> = {
  staff: 'Our staff',
  carer: 'Parents and carers',
  partner: 'Partner settings',
  transcribed: 'Typed in from another setting’s book',
};

export const SHARE_METHODS = ['communication-book', 'printed-copy', 'secure-email', 'phone', 'in-person'] as const;
export const shareMethodSchema = z.enum(SHARE_METHODS, { error: 'Choose how it was shared.' });
export const SHARE_METHOD_LABELS: Record<(typeof SHARE_METHODS)[number], string> = {
  'communication-book': 'Written in their communication book',
  'printed-copy': 'Printed copy handed over',
  'secure-email': 'Secure email',
  phone: 'Phone call',
  'in-person': 'In person',
};

export const diaryShareSchema = z.object({
  shareId: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  consentId: z.string().nullable(),
  method: shareMethodSchema,
  /** The revision that went (a later amendment is not shared automatically). */
  revision: z.number().int(),
  sharedByName: z.string(),
  sharedAt: z.string(),
});
export type DiaryShare = z.infer<typeof diaryShareSchema>;

export const diaryEntrySchema = z.object({
  id: z.string(),
  childId: z.string(),
  day: z.string(),
  time: z.string().nullable(),
  category: diaryCategorySchema,
  from: partySchema,
  to: partySchema,
  /** The current text: the latest revision. */
  text: z.string(),
  /** Typed in from this partner's communication book (null: written here). */
  transcribedFrom: z.object({ partnerId: z.string(), name: z.string() }).nullable(),
  needsFollowUp: z.boolean(),
  followUp: z
    .object({ closedByName: z.string(), closedAt: z.string(), note: z.string().nullable() })
    .nullable(),
  /** 1 for an entry never amended. */
  revision: z.number().int(),
  /** Who typed it in: the author, who may correct it. */
  createdById: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  shares: z.array(diaryShareSchema),
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

export const diaryRevisionSchema = z.object({
  revision: z.number().int(),
  text: z.string(),
  category: diaryCategorySchema,
  time: z.string().nullable(),
  /** Why it was amended; null for the original. */
  reason: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});
export type DiaryRevision = z.infer<typeof diaryRevisionSchema>;

export const weekPlanSchema = z.object({
  /** null: our setting. */
  partnerId: z.string().nullable(),
  settingName: z.string(),
  theme: z.string(),
  activities: z.string(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});
export type WeekPlan = z.infer<typeof weekPlanSchema>;

export const diaryDaySchema = z.object({
  day: z.string(),
  /** The child is with us that day (shared-care pattern). */
  here: z.boolean(),
  /** The other settings the child attends that day. */
  partners: z.array(z.object({ partnerId: z.string(), name: z.string() })),
});

export const diaryChildSchema = z.object({ childId: z.string(), name: z.string(), room: z.string().nullable() });

/** One child's cell in the room grid. */
export const roomCellSchema = z.object({
  day: z.string(),
  entries: z.number().int(),
  followUpsOpen: z.number().int(),
  accidents: z.number().int(),
  medication: z.number().int(),
});
export type RoomCell = z.infer<typeof roomCellSchema>;

export const patternCellSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  category: diaryCategorySchema,
  /** Entries of this category on this weekday. */
  entries: z.number().int(),
  /** Distinct days of this weekday with at least one such entry. */
  days: z.number().int(),
  highlighted: z.boolean(),
});
export const patternFindingSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  category: diaryCategorySchema,
  days: z.number().int(),
  diaryDays: z.number().int(),
  /** Share of the child's other weekdays with this category, as a percentage. */
  otherDaysPercent: z.number(),
  sentence: z.string(),
});
export type PatternFinding = z.infer<typeof patternFindingSchema>;

export const searchHitSchema = z.object({
  entryId: z.string(),
  childId: z.string(),
  childName: z.string(),
  room: z.string().nullable(),
  day: z.string(),
  weekStart: z.string(),
  time: z.string().nullable(),
  category: diaryCategorySchema,
  fromName: z.string(),
  transcribed: z.boolean(),
  /** The matching passage; `hit` parts are the words that matched. */
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const entryText = text('The entry', 4000);
const optionalDay = z
  .union([daySchema, z.literal('')], { error: 'Enter a real date (day, month and year).' })
  .optional()
  .transform((d) => (d ? d : undefined));

export const diaryAddSchema = z.object({
  childId: idSchema,
  day: daySchema,
  time: optionalTimeSchema,
  category: diaryCategorySchema,
  from: diaryFromSchema,
  to: diaryToSchema,
  text: entryText,
  needsFollowUp: z.boolean().optional(),
  /** Typed in by the office from this partner's communication book. */
  transcribedFrom: idSchema.optional(),
  /** Share with these partner settings at once (only where the consent register covers them). */
  shareWith: z.array(idSchema).max(20).optional(),
  shareMethod: shareMethodSchema.optional(),
});

export const diaryChannels = {
  'diary.overview': channel({
    summary: 'Lists the rooms and the children in them, for choosing whose diary to open.',
    access: DIARY_READERS,
    kind: 'read',
    input: noInput,
    output: z.object({
      rooms: z.array(z.object({ room: z.string(), children: z.number().int() })),
      children: z.array(diaryChildSchema),
    }),
  }),
  'diary.parties': channel({
    summary: 'Lists who a diary entry for a child can be from or to: staff, the child’s carers and partner settings (with consent to share).',
    access: DIARY_READERS,
    kind: 'read',
    input: z.object({ childId: idSchema, day: daySchema }),
    output: z.object({
      staff: z.array(z.object({ userId: z.string(), name: z.string() })),
      carers: z.array(z.object({ carerId: z.string(), name: z.string(), relationship: z.string().nullable() })),
      partners: z.array(
        z.object({
          partnerId: z.string(),
          name: z.string(),
          kind: z.string(),
          /** The child attends this partner (shared-care pattern). */
          attends: z.boolean(),
          /** Whether the consent register covers sharing the diary with this partner on that day. */
          consent: z.object({ valid: z.boolean(), consentId: z.string().nullable(), message: z.string() }),
        }),
      ),
    }),
  }),
  'diary.add': channel({
    summary: 'Adds an entry to a child’s communication diary.',
    access: DIARY_READERS,
    kind: 'write',
    input: diaryAddSchema,
    output: z.object({ id: z.string(), shares: z.array(z.object({ partnerId: z.string(), shareId: z.string() })) }),
  }),
  'diary.amend': channel({
    summary: 'Corrects a diary entry by amendment: the earlier text is kept in its history.',
    access: DIARY_READERS,
    kind: 'write',
    input: z.object({
      entryId: idSchema,
      text: entryText,
      category: diaryCategorySchema.optional(),
      /** Omitted: unchanged; '' or null: no time. */
      time: z.union([timeSchema, z.literal(''), z.null()]).optional(),
      reason: text('The reason for the change', 500),
    }),
    output: z.object({ id: z.string(), revision: z.number().int() }),
  }),
  'diary.closeFollowUp': channel({
    summary: 'Marks a diary entry’s follow-up as done.',
    access: DIARY_READERS,
    kind: 'write',
    input: z.object({ entryId: idSchema, note: z.string().trim().max(500).optional() }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'diary.entry': channel({
    summary: 'Reads one diary entry with its amendment history and where it was shared.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ entryId: idSchema }),
    output: z.object({ entry: diaryEntrySchema, revisions: z.array(diaryRevisionSchema) }),
  }),
  'diary.childWeek': channel({
    summary: 'Reads one child’s diary for a week, with where the child was each day and each setting’s plans.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema, week: daySchema }),
    output: z.object({
      child: diaryChildSchema,
      weekStart: z.string(),
      days: z.array(diaryDaySchema),
      plans: z.array(weekPlanSchema),
      entries: z.array(diaryEntrySchema),
    }),
  }),
  'diary.roomWeek': channel({
    summary: 'Reads a room’s week at a glance: who has entries, open follow-ups, accidents and medication given.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ room: text('The room', 80), week: daySchema }),
    output: z.object({
      room: z.string(),
      weekStart: z.string(),
      plan: weekPlanSchema.nullable(),
      children: z.array(diaryChildSchema.extend({ days: z.array(roomCellSchema) })),
    }),
  }),
  'diary.openFollowUps': channel({
    summary: 'Lists the diary entries whose follow-up nobody has closed yet, oldest first, for Home.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: noInput,
    output: z.object({
      followUps: z.array(
        z.object({
          entryId: z.string(),
          childId: z.string(),
          childName: z.string(),
          day: z.string(),
          weekStart: z.string(),
          time: z.string().nullable(),
          category: diaryCategorySchema,
          fromName: z.string(),
          /** The start of the entry's text, enough to say what needs doing. */
          excerpt: z.string(),
        }),
      ),
      total: z.number().int(),
    }),
  }),
  'diary.patterns': channel({
    summary: 'Counts a child’s diary entries by weekday and category over a span of weeks and points out patterns.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({
      childId: idSchema,
      /** How many weeks, ending with the week of `until` (default, and at the latest: this week). */
      weeks: z.number().int().min(2, 'At least 2 weeks.').max(104, 'At most 104 weeks.').default(8),
      until: daySchema.optional(),
    }),
    output: z.object({
      child: diaryChildSchema,
      /** The Monday of the first week. */
      from: z.string(),
      /** The last day counted: the Sunday of the last week, or today when that is sooner. */
      to: z.string(),
      weeks: z.number().int(),
      rule: z.string(),
      /** Days with at least one entry, per weekday (Monday first). */
      diaryDays: z.array(z.number().int()),
      totalEntries: z.number().int(),
      cells: z.array(patternCellSchema),
      findings: z.array(patternFindingSchema),
      /** Why nothing can be said yet, when there are too few entries. */
      notEnoughData: z.string().nullable(),
    }),
  }),
  'diary.search': channel({
    summary: 'Searches the text of diary entries, with filters.',
    access: DIARY_READERS,
    kind: 'read',
    sensitive: true,
    input: z
      .object({
        /** Words to find; empty lists the entries the filters choose ("all accidents this month"). */
        query: z.string().trim().max(200, 'Keep the search to 200 characters or fewer.').default(''),
        childId: idSchema.optional(),
        room: z.string().trim().max(80).optional(),
        category: diaryCategorySchema.optional(),
        source: diarySourceSchema.optional(),
        from: optionalDay,
        to: optionalDay,
        limit: z.number().int().min(1).max(200).default(50),
      })
      .refine((f) => !f.from || !f.to || f.from <= f.to, {
        path: ['to'],
        message: 'This is before the “From” date: swap the two dates, or change one.',
      }),
    output: z.object({ hits: z.array(searchHitSchema), more: z.boolean() }),
  }),
  'diary.share': channel({
    summary: 'Records that a diary entry was shared with a partner setting, where the consent register allows it.',
    access: DIARY_SHARERS,
    kind: 'write',
    input: z.object({ entryId: idSchema, partnerId: idSchema, method: shareMethodSchema }),
    output: z.discriminatedUnion('shared', [
      z.object({ shared: z.literal(true), shareId: z.string(), consentId: z.string().nullable() }),
      z.object({ shared: z.literal(false), reason: z.string(), message: z.string() }),
    ]),
  }),
  'diary.sharingHistory': channel({
    summary: 'Lists which diary entries of a child went to which partner setting, when, how and on what consent.',
    access: DIARY_SHARERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({
      shares: z.array(diaryShareSchema.extend({ entryId: z.string(), day: z.string(), category: diaryCategorySchema, text: z.string() })),
    }),
  }),
  'diary.setWeekPlan': channel({
    summary: 'Records a setting’s theme and planned activities for a week.',
    access: WEEK_PLAN_KEEPERS,
    kind: 'write',
    input: z.object({
      week: daySchema,
      /** Omitted: our own setting's plan. */
      partnerId: idSchema.optional(),
      theme: z.string().trim().max(200, 'The theme must be 200 characters or fewer.'),
      activities: z.string().trim().max(2000, 'The activities must be 2000 characters or fewer.'),
    }),
    output: z.object({ id: z.string() }),
  }),
};
