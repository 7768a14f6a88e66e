import { CONSENT_SCOPE_LABELS, CONSENT_SCOPES, type ConsentScope } from '../../../shared/contract/consent';
import { DIARY_CATEGORIES, type DiaryCategory } from '../../../shared/contract/diary';
import { HEALTH_KIND_LABELS, SEVERITY_LABELS } from '../../../shared/contract/children';
import type { Pack, PackOmission } from '../../../shared/contract/packs';
import { formatDay } from '../../../shared/domain/dates';
import { addDays, londonDateTime } from '../../../shared/domain/weeks';
import { requireChild } from '../children/repo';
import { contactCheckCutoff, listContacts, listHealth } from '../children/records';
import { checkConsent } from '../consent/check';
import { listEntries } from '../consent/repo';
import type { Db } from '../db/connection';
import { all } from '../db/sql';
import { findPatterns } from '../diary/patterns';
import { patternCounts } from '../diary/repo';
import { lastHeldMeeting, readMeeting } from '../meetings/repo';
import { termOf } from '../meetings/terms';
import { readProfile } from '../setting/repo';
import { readSettings } from '../settings/repo';
import { latestRow, partsOf } from '../agreements/repo';
import { observationsBetween } from '../observations/repo';
import { SHARE_CHANNEL_LABELS } from '../../../shared/contract/agreements';
import { EYFS_AREA_LABELS, EYFS_AREAS } from '../../../shared/domain/eyfs';

/**
 * What goes into a child's meeting pack, decided here and nowhere else.
 *
 * A pack is handed to everyone invited: the parents, our staff and each partner setting's key
 * person. A section that needs consent (the diary, observations) goes in only when the consent
 * register allows it to go to every partner setting invited, on the day of the meeting (our
 * information sharing policy, 3.2: "consent should be obtained before information is shared");
 * otherwise it is left out and the reason goes on the office sheet, never in the pack.
 * Information another agency gave us (third-party information, our policy 1.3) goes only back to
 * that agency. Nothing is ever read from the safeguarding records.
 */
export interface PackInput {
  meetingId: string;
  printedBy: string;
  printedAt: string;
  today: string;
  fallbackSettingName: string;
}

const AGENDA = [
  'Welcome and introductions; who is here and who sent notes',
  'How the child is getting on: at home, here and at the other setting',
  'Observations and what they tell us, area by area',
  'Last time’s next steps and actions: what happened',
  'Next steps for the coming term: at home, here and at the other setting',
  'Anything to change in how we share information (the agreement, consents, contacts)',
  'Date of the next meeting',
];

export function buildPack(db: Db, input: PackInput): { pack: Pack; omitted: PackOmission[] } {
  const meeting = readMeeting(db, input.meetingId, input.today);
  const child = requireChild(db, meeting.childId);
  const profile = readProfile(db, input.fallbackSettingName);
  const settings = readSettings(db, input.fallbackSettingName);
  const omitted: PackOmission[] = [];
  const leaveOut = (what: string, why: string) => omitted.push({ childName: meeting.childName, what, why });

  // The settings that receive the pack (besides the parents and us): the partners invited.
  const recipients = [...new Map(meeting.invitees.filter((i) => i.partnerId).map((i) => [i.partnerId!, i.role.replace(/^Key person at /, '')])).entries()].map(
    ([partnerId, name]) => ({ partnerId, name }),
  );
  /** Why a section needing `scope` cannot go to every recipient, or null when it can. */
  const consentProblem = (scope: ConsentScope): string | null => {
    const refused = recipients
      .map((r) => ({ r, answer: checkConsent(db, { childId: child.id, scope, recipientId: r.partnerId, on: meeting.on }) }))
      .filter((x) => !x.answer.valid);
    if (refused.length === 0) return null;
    return refused.map((x) => `${x.r.name}: ${x.answer.message}`).join(' ');
  };

  const term = termOf(db, meeting.on);
  const venue =
    meeting.format === 'in-person'
      ? meeting.venuePartnerId
        ? [meeting.venueName, all<{ address: string | null }>(db, 'SELECT address FROM partners WHERE id = $id', { id: meeting.venuePartnerId })[0]?.address].filter(Boolean).join(', ')
        : [profile.name, profile.address].filter(Boolean).join(', ')
      : null;
  // Printed beside the format's name ("Video call", "Phone conference", "At one of the settings").
  const howToJoin = meeting.format === 'video' ? (meeting.videoLink ?? '') : meeting.format === 'phone' ? `Dial ${meeting.phoneNumber ?? ''}` : (venue ?? '');

  // Consents: what is in force, and what is missing, refused, withdrawn or running out.
  const entries = listEntries(db, child.id, input.today);
  const soon = addDays(input.today, 92);
  const inForce = entries
    .filter((e) => e.decision !== 'refused' && (e.state === 'in-force' || e.state === 'review-due'))
    .map((e) => ({
      scope: e.scope,
      recipients: e.recipients === 'all-partners' ? 'All partner settings' : e.recipients.map((r) => r.name).join(', '),
      expiresOn: e.expiresOn,
      reviewOn: e.reviewOn,
    }));
  const needAttention: Pack['consents']['needAttention'] = [];
  for (const r of recipients) {
    for (const scope of CONSENT_SCOPES) {
      const answer = checkConsent(db, { childId: child.id, scope, recipientId: r.partnerId, on: input.today });
      if (!answer.valid) needAttention.push({ scope, setting: r.name, message: answer.message });
    }
  }
  for (const e of entries) {
    if (e.decision !== 'refused' && e.state === 'in-force' && e.expiresOn && e.expiresOn <= soon) {
      needAttention.push({ scope: e.scope, setting: e.recipients === 'all-partners' ? 'All partner settings' : e.recipients.map((x) => x.name).join(', '), message: `Runs out on ${formatDay(e.expiresOn)}: ask the parents whether to renew it (${CONSENT_SCOPE_LABELS[e.scope].toLowerCase()}).` });
    }
  }

  const contacts = listContacts(db, child.id, contactCheckCutoff(input.today, settings.contactCheckMonths)).map((c) => ({
    name: c.name,
    relationship: c.relationship,
    phone: c.phone,
    lastVerifiedOn: c.lastVerifiedOn,
    needsCheck: c.needsCheck,
  }));

  const health: Pack['health'] = [];
  for (const h of listHealth(db, child.id, input.today, profile.name)) {
    // Another agency's record goes only back to that agency (our policy 1.3); the parents see their own child's.
    const sourcePartner = h.source?.partnerId ?? null;
    if (h.source && recipients.some((r) => r.partnerId !== sourcePartner)) {
      leaveOut(`${HEALTH_KIND_LABELS[h.kind]}: ${h.name}`, `It came from ${h.source.agency}, another agency (our information sharing policy, 1.3): it goes to another setting only with that agency’s agreement. Tell the key persons about it in person if they need to know to keep the child safe.`);
      continue;
    }
    health.push({
      kind: HEALTH_KIND_LABELS[h.kind],
      title: h.name,
      detail: [h.severity ? SEVERITY_LABELS[h.severity] : null, h.reaction, h.dose, h.timing].filter(Boolean).join(' · ') || null,
      managedBy: h.arrangements.map((a) => ({ name: a.settingName, detail: a.who })),
      source: h.source ? `From ${h.source.agency}` : null,
    });
  }

  // The term's diary in brief, up to the day of the meeting.
  const from = term.startsOn;
  const to = meeting.on < term.endsOn ? meeting.on : term.endsOn;
  let diary: Pack['diary'] = null;
  const diaryProblem = consentProblem('diary');
  if (diaryProblem) {
    leaveOut('The term’s diary in brief', `No consent for the diary to go to every setting invited. ${diaryProblem}`);
  } else {
    const counts = new Map<DiaryCategory, number>();
    for (const day of patternCounts(db, child.id, from, to)) for (const [c, n] of Object.entries(day.counts)) counts.set(c as DiaryCategory, (counts.get(c as DiaryCategory) ?? 0) + (n ?? 0));
    const followUpRows = all<{ day: string; text: string; open: number; from_kind: string; from_id: string | null; from_name: string }>(
      db,
      `SELECT e.day, r.text, e.follow_up_open AS open, e.from_kind, e.from_id, e.from_name FROM diary_entries e JOIN diary_revisions r ON r.id = e.current_rev
       WHERE e.child_id = $childId AND e.needs_follow_up = 1 AND e.day BETWEEN $from AND $to ORDER BY e.day`,
      { childId: child.id, from, to },
    );
    const followUps = [];
    for (const f of followUpRows) {
      if (f.from_kind === 'partner' && recipients.some((r) => r.partnerId !== f.from_id)) {
        leaveOut(`A follow-up from ${f.from_name} (${formatDay(f.day)})`, `It is ${f.from_name}’s information (our information sharing policy, 1.3): it goes to another setting only with their agreement.`);
        continue;
      }
      followUps.push({ day: f.day, text: f.text, done: f.open === 0 });
    }
    diary = {
      from,
      to,
      counts: DIARY_CATEGORIES.filter((c) => counts.has(c)).map((c) => ({ category: c, count: counts.get(c)! })),
      followUps,
      patterns: findPatterns(patternCounts(db, child.id, addDays(to, -7 * 12 + 1), to)).findings.map((f) => f.sentence),
    };
  }

  // Observations of the term, by area of learning (our policy 3.2: consent for "observations").
  const observations: Pack['observations'] = [];
  const observationProblem = consentProblem('observations');
  const termObservations = observationsBetween(db, child.id, term.startsOn, to, profile.name);
  if (observationProblem && termObservations.length > 0) {
    leaveOut('Observations and next steps', `No consent for observations to go to every setting invited. ${observationProblem}`);
  } else {
    const shown = termObservations.filter((o) => {
      // Another setting's observation goes only back to that setting (our policy 1.3).
      if (o.partnerId && recipients.some((r) => r.partnerId !== o.partnerId)) {
        leaveOut(`An observation from ${o.settingName} (${formatDay(o.observedOn)})`, `It is ${o.settingName}’s information (our information sharing policy, 1.3): it goes to another setting only with their agreement.`);
        return false;
      }
      return true;
    });
    for (const area of EYFS_AREAS) {
      const items = shown.filter((o) => o.areas.includes(area));
      if (items.length) observations.push({ area: EYFS_AREA_LABELS[area], items: items.map((o) => ({ on: o.observedOn, setting: o.settingName, text: o.text, nextStep: o.nextStep?.text ?? null })) });
    }
  }

  // The information sharing agreement in brief: how the settings and the parents agreed to share.
  const agreementRow = latestRow(db, child.id);
  const parts = partsOf(agreementRow);
  const agreement: Pack['agreement'] = agreementRow
    ? {
        version: agreementRow.version,
        status: agreementRow.signed_at ? 'signed' : 'draft',
        reviewOn: agreementRow.review_on ?? parts.sharing.reviewOn ?? null,
        summary: [
          parts.sharing.channels?.length ? `We share by: ${parts.sharing.channels.map((c) => SHARE_CHANNEL_LABELS[c].toLowerCase()).join(', ')}.` : null,
          parts.sharing.howOften ? `How often: ${sentence(parts.sharing.howOften)}` : null,
          ...(parts.sharing.passOn ?? []).map((x) => sentence(`${x.what}: ${x.howFast}${x.who ? ` (${x.who})` : ''}`)),
          parts.sharing.emergencyContacts ? `Emergency contacts: ${parts.sharing.emergencyContacts}` : null,
        ].filter((x): x is string => !!x),
      }
    : null;

  const last = lastHeldMeeting(db, child.id, londonDateTime(meeting.on, meeting.at).toISOString());
  const pack: Pack = {
    meetingId: meeting.id,
    childId: child.id,
    settingName: profile.name,
    cover: {
      childName: meeting.childName,
      dateOfBirth: child.dateOfBirth,
      on: meeting.on,
      at: meeting.at,
      durationMinutes: meeting.durationMinutes,
      format: meeting.format,
      howToJoin,
      invitees: meeting.invitees,
      termLabel: term.label,
    },
    agreement,
    consents: { inForce, needAttention },
    contacts,
    health,
    diary,
    observations,
    lastMeeting: last?.record
      ? {
          on: last.on,
          nextSteps: last.record.nextSteps,
          actions: last.actions.map((a) => ({ text: a.text, owner: a.owner, dueOn: a.dueOn, status: a.status })),
        }
      : null,
    agenda: AGENDA,
    printedBy: input.printedBy,
    printedAt: input.printedAt,
  };
  return { pack, omitted };
}

/** Words a person typed, ended with a full stop unless they already end a sentence ("each term." stays one stop). */
function sentence(words: string): string {
  const trimmed = words.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
