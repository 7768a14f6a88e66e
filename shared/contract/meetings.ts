import { z } from 'zod';
import { channel, daySchema, idSchema, noInput, okOutput, text } from './define';
import { CHILD_READERS, RECORD_KEEPERS, optionalDaySchema, optionalText } from './fields';
import { timeSchema } from './diary';

// Termly joint meetings (seed 000: "It is good practice for the key persons and parent(s) to hold
// joint termly meetings to discuss observations and the child's next steps"; meetings "at one of
// the settings, via skype, via phone conference"). The office plans them by term; key persons
// record them; the office prints the packs.

// ---------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export const termNameSchema = z.enum(TERM_NAMES, { error: 'Choose the term.' });
export type TermName = z.infer<typeof termNameSchema>;
export const TERM_LABELS: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** A school year by the calendar year it starts in: 2026 is 2026 to 2027. */
export const schoolYearSchema = z.number({ error: 'Choose the school year.' }).int().min(2000, 'Choose a school year from 2000.').max(2100, 'Choose a school year before 2100.');

/** `2026-autumn`: the school year it starts in and the term's name. */
export const termIdSchema = z.string().regex(/^\d{4}-(autumn|spring|summer)$/, 'Choose a term.');

export const termSchema = z.object({
  id: z.string(),
  name: termNameSchema,
  schoolYear: z.number().int(),
  /** "Autumn term 2026". */
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Not saved by the setting yet: the usual dates (the early years funding terms). */
  isDefault: z.boolean(),
});
export type Term = z.infer<typeof termSchema>;

export const termsSaveSchema = z
  .object({
    schoolYear: schoolYearSchema,
    terms: z
      .array(z.object({ name: termNameSchema, startsOn: daySchema, endsOn: daySchema }))
      .length(3, 'Give the dates of all three terms.'),
  })
  .superRefine((v, ctx) => {
    v.terms.forEach((t, i) => {
      if (t.endsOn < t.startsOn) ctx.addIssue({ code: 'custom', path: ['terms', i, 'endsOn'], message: `The ${TERM_LABELS[t.name].toLowerCase()} term must end after it starts.` });
    });
    const names = v.terms.map((t) => t.name);
    if (new Set(names).size !== 3) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'Give each term once: autumn, spring and summer.' });
    const [autumn, spring, summer] = TERM_NAMES.map((n) => v.terms.find((t) => t.name === n));
    if (autumn && spring && spring.startsOn <= autumn.endsOn) ctx.addIssue({ code: 'custom', path: ['terms', v.terms.indexOf(spring), 'startsOn'], message: 'The spring term must start after the autumn term ends.' });
    if (spring && summer && summer.startsOn <= spring.endsOn) ctx.addIssue({ code: 'custom', path: ['terms', v.terms.indexOf(summer), 'startsOn'], message: 'The summer term must start after the spring term ends.' });
    if (autumn && !autumn.startsOn.startsWith(String(v.schoolYear))) ctx.addIssue({ code: 'custom', path: ['terms', v.terms.indexOf(autumn), 'startsOn'], message: `The autumn term must start in ${v.schoolYear}.` });
  });

// ---------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------

export const MEETING_FORMATS = ['in-person', 'video', 'phone'] as const;
export const meetingFormatSchema = z.enum(MEETING_FORMATS, { error: 'Choose how the meeting will be held.' });
export type MeetingFormat = z.infer<typeof meetingFormatSchema>;
export const MEETING_FORMAT_LABELS: Record<MeetingFormat, string> = {
  'in-person': 'At one of the settings',
  video: 'Video call',
  phone: 'Phone conference',
};

export const ATTENDANCE_WAYS = ['in-person', 'video', 'phone', 'sent-notes'] as const;
export const ATTENDANCE_WAY_LABELS: Record<(typeof ATTENDANCE_WAYS)[number], string> = {
  'in-person': 'In person',
  video: 'By video',
  phone: 'By phone',
  'sent-notes': 'Sent notes instead',
};

/** Where a next step happens (seed 000: at home, here, at the partner setting). */
export const STEP_PLACES = ['home', 'here', 'partner'] as const;
export const stepPlaceSchema = z.enum(STEP_PLACES, { error: 'Say where it will happen.' });
export const STEP_PLACE_LABELS: Record<(typeof STEP_PLACES)[number], string> = { home: 'At home', here: 'Here', partner: 'At the partner setting' };

export const MEETING_STATUSES = ['booked', 'held', 'cancelled'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = { open: 'Not done yet', done: 'Done', cancelled: 'No longer needed' };

const bookingFields = {
  childId: idSchema,
  on: daySchema,
  at: timeSchema,
  durationMinutes: z.number({ error: 'Say how long the meeting will take.' }).int().min(10, 'A meeting takes at least 10 minutes.').max(240, 'A meeting can be up to 4 hours long.').default(45),
  format: meetingFormatSchema,
  /** In person: at which setting (omitted: ours). */
  venuePartnerId: idSchema.nullable().optional(),
  videoLink: optionalText('The video call link', 500),
  phoneNumber: optionalText('The phone conference number', 120),
  /** Parents and carers invited (the child's own). */
  carerIds: z.array(idSchema).max(10).default([]),
  /** Our staff invited (the key person first). */
  staffUserIds: z.array(idSchema).max(10).default([]),
  /** Each partner setting's key person, by the child's shared care arrangement. */
  sharedCareIds: z.array(idSchema).max(10).default([]),
};

type Booking = { format: MeetingFormat; videoLink?: string; phoneNumber?: string; carerIds: string[]; staffUserIds: string[]; sharedCareIds: string[] };
function bookingRule(v: Booking, ctx: z.RefinementCtx) {
  if (v.format === 'video' && !/^https:\/\/\S+$/.test(v.videoLink ?? '')) {
    ctx.addIssue({ code: 'custom', path: ['videoLink'], message: 'Give the link for the video call, starting https://.' });
  }
  if (v.format === 'phone' && !(v.phoneNumber ?? '').trim()) {
    ctx.addIssue({ code: 'custom', path: ['phoneNumber'], message: 'Give the number to dial for the phone conference.' });
  }
  if (v.carerIds.length + v.staffUserIds.length + v.sharedCareIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['carerIds'], message: 'Invite at least one person.' });
  }
}

export const meetingBookSchema = z.object(bookingFields).superRefine(bookingRule);
export const meetingUpdateSchema = z.object({ meetingId: idSchema, ...bookingFields }).omit({ childId: true }).superRefine(bookingRule);

export const inviteeSchema = z.object({
  kind: z.enum(['carer', 'staff', 'partner']),
  /** The carer, user or shared care arrangement. */
  id: z.string(),
  name: z.string(),
  /** "Mother", "Key person", "Key person at Oak Tree Primary". */
  role: z.string(),
  /** The partner setting, for a partner's key person. */
  partnerId: z.string().nullable(),
});
export type Invitee = z.infer<typeof inviteeSchema>;

export const clashSchema = z.object({ meetingId: z.string(), childName: z.string(), personName: z.string(), on: z.string(), at: z.string() });

export const meetingActionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingOn: z.string(),
  text: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

export const nextStepSchema = z.object({
  text: text('The next step', 1_000),
  where: stepPlaceSchema,
  who: optionalText('Who will do it', 120),
});

const attendeeSchema = z.object({
  name: text('Name', 120),
  role: optionalText('Who they are', 120),
  how: z.enum(ATTENDANCE_WAYS, { error: 'Say how they took part.' }),
});

export const meetingRecordInputSchema = z.object({
  meetingId: idSchema,
  attendees: z.array(attendeeSchema).min(1, 'Say who came to the meeting.').max(20),
  /** The child's observations of the term discussed (ours and the partners'). */
  observationIds: z.array(idSchema).max(100).default([]),
  nextSteps: z.array(nextStepSchema).max(20).default([]),
  actions: z.array(z.object({ text: text('The action', 1_000), owner: text('Who will do it', 120), dueOn: optionalDaySchema })).max(20).default([]),
  /** Actions carried from earlier meetings: what became of each. */
  carried: z.array(z.object({ actionId: idSchema, status: z.enum(ACTION_STATUSES, { error: 'Say what became of the action.' }), note: optionalText('Note', 500) })).max(50).default([]),
  notes: optionalText('Notes', 10_000),
}).superRefine((v, ctx) => {
  // A record of a meeting says what was talked about: an empty one marks the meeting held with nothing to show for it.
  if (!v.notes?.trim() && v.nextSteps.length === 0 && v.actions.length === 0 && v.observationIds.length === 0 && v.carried.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['notes'], message: 'Write what was talked about, or add a next step or an action.' });
  }
});

export const meetingSchema = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  termId: z.string().nullable(),
  termLabel: z.string().nullable(),
  on: z.string(),
  at: z.string(),
  durationMinutes: z.number().int(),
  format: meetingFormatSchema,
  venuePartnerId: z.string().nullable(),
  /** "Little Acorns Pre-school" or the partner setting. */
  venueName: z.string().nullable(),
  videoLink: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  invitees: z.array(inviteeSchema),
  status: z.enum(MEETING_STATUSES),
  cancelledReason: z.string().nullable(),
  clashes: z.array(clashSchema),
  bookedByName: z.string().nullable(),
  bookedAt: z.string(),
  record: z
    .object({
      attendees: z.array(z.object({ name: z.string(), role: z.string().nullable(), how: z.enum(ATTENDANCE_WAYS) })),
      observationIds: z.array(z.string()),
      nextSteps: z.array(z.object({ text: z.string(), where: stepPlaceSchema, who: z.string().nullable() })),
      notes: z.string().nullable(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  /** Actions agreed at this meeting. */
  actions: z.array(meetingActionSchema),
  /** Open actions from the child's earlier meetings: they carry to this one. */
  carried: z.array(meetingActionSchema),
  /** The child's observations of the term up to the meeting (ours and the partners'), to pick those discussed. */
  termObservations: z.array(z.object({ id: z.string(), observedOn: z.string(), fromPartner: z.string().nullable(), text: z.string() })),
  lastPackAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const plannerRowSchema = z.object({
  childId: z.string(),
  childName: z.string(),
  room: z.string().nullable(),
  keyPersonUserId: z.string().nullable(),
  keyPersonName: z.string().nullable(),
  /** The other settings the child attends this term. */
  partners: z.array(z.string()),
  /** In shared care this term, or added to the planner by the office. */
  why: z.enum(['shared-care', 'added']),
  status: z.enum(['missing', 'booked', 'held']),
  meeting: z.object({ id: z.string(), on: z.string(), at: z.string(), format: meetingFormatSchema, clash: z.boolean() }).nullable(),
});

export const invitableSchema = z.object({
  carers: z.array(z.object({ id: z.string(), name: z.string(), relationship: z.string().nullable(), parentalResponsibility: z.boolean() })),
  staff: z.array(z.object({ id: z.string(), name: z.string(), isKeyPerson: z.boolean() })),
  partners: z.array(z.object({ sharedCareId: z.string(), partnerId: z.string(), partnerName: z.string(), keyPersonName: z.string().nullable() })),
  settingName: z.string(),
});

export const meetingsChannels = {
  'terms.list': channel({
    summary: 'Lists the terms of a school year (the setting’s dates, or the usual ones).',
    access: 'any-user',
    kind: 'read',
    input: z.object({ schoolYear: schoolYearSchema.optional() }).optional(),
    output: z.object({ schoolYear: z.number().int(), terms: z.array(termSchema), currentTermId: z.string().nullable() }),
  }),
  'terms.save': channel({
    summary: 'Saves the setting’s term dates for a school year.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: termsSaveSchema,
    output: okOutput,
  }),
  'meetings.planner': channel({
    summary: 'Shows a term’s joint meetings: every child in shared care (and any added), booked, held or missing.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ termId: termIdSchema, room: z.string().trim().max(80).optional(), keyPersonUserId: idSchema.optional() }),
    output: z.object({
      term: termSchema,
      rows: z.array(plannerRowSchema),
      rooms: z.array(z.string()),
      keyPersons: z.array(z.object({ userId: z.string(), name: z.string() })),
    }),
  }),
  'meetings.addChild': channel({
    summary: 'Adds a child to a term’s meeting planner (a child not in shared care who needs a joint meeting).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ termId: termIdSchema, childId: idSchema }),
    output: okOutput,
  }),
  'meetings.invitable': channel({
    summary: 'Lists who can be invited to a child’s joint meeting: parents and carers, staff, and each partner’s key person.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ childId: idSchema }),
    output: invitableSchema,
  }),
  'meetings.book': channel({
    summary: 'Books a joint meeting for a child: when, how, and who is invited.',
    access: CHILD_READERS,
    kind: 'write',
    input: meetingBookSchema,
    output: z.object({ id: z.string(), clashes: z.array(clashSchema) }),
  }),
  'meetings.update': channel({
    summary: 'Changes a booked joint meeting (time, format or invitees).',
    access: CHILD_READERS,
    kind: 'write',
    input: meetingUpdateSchema,
    output: z.object({ id: z.string(), clashes: z.array(clashSchema) }),
  }),
  'meetings.cancel': channel({
    summary: 'Cancels a booked joint meeting, with the reason.',
    access: CHILD_READERS,
    kind: 'write',
    input: z.object({ meetingId: idSchema, reason: text('Why it is cancelled', 500) }),
    output: okOutput,
  }),
  'meetings.get': channel({
    summary: 'Opens a joint meeting: the booking, the record, and the actions carried from earlier meetings.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ meetingId: idSchema }),
    output: meetingSchema,
  }),
  'meetings.ofChild': channel({
    summary: 'Lists a child’s joint meetings, newest first.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ childId: idSchema }),
    output: z.object({ meetings: z.array(meetingSchema) }),
  }),
  'meetings.record': channel({
    summary: 'Records what happened at a joint meeting: who came, observations discussed, next steps and actions.',
    access: CHILD_READERS,
    kind: 'write',
    input: meetingRecordInputSchema,
    output: okOutput,
  }),
  'meetings.updateAction': channel({
    summary: 'Marks an action from a joint meeting done, or no longer needed.',
    access: CHILD_READERS,
    kind: 'write',
    input: z.object({ actionId: idSchema, status: z.enum(ACTION_STATUSES, { error: 'Say what became of the action.' }), note: optionalText('Note', 500) }),
    output: okOutput,
  }),
  'meetings.thisTerm': channel({
    summary: 'The office’s view of this term: meetings to book, packs to print, and actions overdue.',
    access: CHILD_READERS,
    kind: 'read',
    input: noInput,
    output: z.object({
      term: termSchema,
      toBook: z.array(z.object({ childId: z.string(), childName: z.string() })),
      packsToPrint: z.array(z.object({ meetingId: z.string(), childName: z.string(), on: z.string(), at: z.string() })),
      overdueActions: z.array(meetingActionSchema.extend({ childId: z.string(), childName: z.string() })),
      upcoming: z.array(z.object({ meetingId: z.string(), childName: z.string(), on: z.string(), at: z.string(), format: meetingFormatSchema, clash: z.boolean() })),
    }),
  }),
  'meetings.between': channel({
    summary: 'Lists the booked joint meetings between two dates (for a batch of meeting packs).',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ from: daySchema, to: daySchema }).refine((v) => v.to >= v.from, { path: ['to'], message: 'The end date must be on or after the start date.' }),
    output: z.object({ meetings: z.array(z.object({ meetingId: z.string(), childName: z.string(), on: z.string(), at: z.string(), format: meetingFormatSchema })) }),
  }),
};

