import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import type { SharingMethod } from '../../../shared/contract/sharing-policy';
import { OUTCOME_LABELS, type Decision, type sharingChannels } from '../../../shared/contract/sharing';
import { londonDay } from '../../../shared/domain/dates';
import type { CallContext, HandlersFor } from '../context';
import { assessSharing } from '../policy/index';
import { authoriserRolesFor } from '../policy/authorisation';
import { authoriserPhrase } from '../policy/wording';
import type { SharingRequest } from '../../../shared/contract/sharing-policy';
import { readChildFile } from '../children/repo';
import { findPartner, listPartners } from '../partners/repo';
import { readSettings } from '../settings/repo';
import { readProfile } from '../setting/repo';
import { childItems } from './items';
import { canRead } from '../concerns/access';
import { concernHead } from '../concerns/repo';
import { checkConsent } from '../consent/check';
import type { Db } from '../db/connection';
import { buildDraft, currentPerson, OWN_CONSENT, ownConsentCovered, verifySecondPerson, type Person } from './draft';
import { authorisersOf, enginePolicy, mayAuthorise, readSharingPolicy, writeSharingPolicy } from './policy';
import { insertAddendum, insertAuthorisation, insertDecision, listDecisions, requireDecisionRow, toDecision } from './repo';
import { childDisplayName } from '../../../shared/domain/names';

// Information-sharing decisions. The engine (`assessSharing`) is run here on every assess, record and
// authorise: what the renderer shows is a preview, never what the core relies on.

const displayName = childDisplayName;

const SAME_PERSON = 'The person who made the decision cannot also authorise it: “The decision should never be made as an individual.” A different person must agree.';

function refusedChecks(assessment: ReturnType<typeof assessSharing>): string {
  return assessment.checks
    .filter((c) => !c.ok && c.rule !== 'second-person-authorisation')
    .map((c) => c.message)
    .join(' ');
}

/**
 * Readers who are only practitioners see the decisions they recorded themselves; a SENCO who may
 * authorise sees the decisions waiting for a second person.
 */
function assertMayRead(ctx: CallContext, row: { decided_by: string; status: string }, policy: ReturnType<typeof readSharingPolicy>): void {
  const roles = ctx.user.roles;
  const reader = roles.includes('dsl') || roles.includes('manager') || roles.includes('admin');
  const authoriser = row.status === 'awaiting-authorisation' && mayAuthorise(policy, roles);
  if (!reader && !authoriser && row.decided_by !== ctx.user.userId) {
    throw new TwoWayError('forbidden', 'Only the DSL, a manager or the person who recorded it may open this decision.');
  }
}

/** What to do, said once for a decision still waiting and once for one already approved. */
const BASIS_GONE_WHAT_TO_DO: Record<string, string> = {
  'awaiting-authorisation': 'Nothing has been shared. If the information still needs to go, record a new decision.',
  shared: 'Do not send or print it now. If the information still needs to go, record a new decision.',
};

/**
 * Issue 9.2: a decision that relied on the parents' consent is checked against the register again
 * when it is authorised and when its pack is printed. If the consent (or an item's own written
 * consent) is no longer in force, the basis has gone: the answer says why; null while it stands.
 */
function consentGoneSince(
  db: Db,
  row: { child_id: string; partner_id: string; basis: string | null; consent_json: string | null; items_json: string; assessment_json: string; status: string },
  today: string,
): string | null {
  const whatToDo = BASIS_GONE_WHAT_TO_DO[row.status] ?? BASIS_GONE_WHAT_TO_DO.shared;
  if (row.basis !== 'consent') return null;
  const relied = JSON.parse(row.consent_json ?? 'null') as { scope: Parameters<typeof checkConsent>[1]['scope'] } | null;
  const q = { childId: row.child_id, recipientId: row.partner_id, on: today };
  if (relied) {
    const now = checkConsent(db, { ...q, scope: relied.scope });
    if (!now.valid) return `The parents’ consent this decision relied on is no longer in force: ${now.message} ${whatToDo}`;
  }
  // Only what the decision shares: an item held back for want of its own consent changes nothing.
  const shared = new Set((JSON.parse(row.assessment_json) as { itemsToShare?: string[] }).itemsToShare ?? []);
  const items = JSON.parse(row.items_json) as { ref: string; kind: string; necessary: boolean }[];
  for (const item of items) {
    const rule = OWN_CONSENT[item.kind];
    if (rule && item.necessary && shared.has(item.ref) && !ownConsentCovered(db, rule, q)) {
      return `The parents’ ${rule.needs} is no longer in the consent register. ${whatToDo}`;
    }
  }
  return null;
}

function readDecision(ctx: CallContext, id: string): Decision {
  const db = ctx.db();
  const row = requireDecisionRow(db, id);
  const policy = readSharingPolicy(db);
  assertMayRead(ctx, row, policy);
  const me = currentPerson(ctx);
  ctx.touch(`child:${row.child_id}`, `sharing:${row.id}`);
  const open = row.status === 'awaiting-authorisation' || row.status === 'shared';
  const basisGone = open ? consentGoneSince(db, row, londonDay(ctx.now())) : null;
  // Who may agree to this decision: the policy's authorisers, narrowed by what it relies on (a court
  // order relied on by a practitioner needs the DSL or a manager), as the engine will check.
  const roles = authoriserRolesFor(JSON.parse(row.request_json) as SharingRequest, enginePolicy(policy));
  const decision = toDecision(db, row, {
    authorisers: row.status === 'awaiting-authorisation' ? authoriserPhrase(roles, policy.roleNames) : authorisersOf(policy),
    canAuthorise: row.status === 'awaiting-authorisation' && basisGone === null && me.roles.some((r) => roles.includes(r)) && me.userId !== row.decided_by,
    basisGone,
  });
  return { ...decision, items: decision.items.map((i) => concernAsSeenBy(ctx, i)) };
}

/**
 * A safeguarding concern frozen into a decision keeps the concern's own rule (issue 12): those
 * who may not read the concern (an admin, or the member of staff an allegation names) see that
 * it was shared, not what it says. Reading it is audited as opening the concern is.
 */
function concernAsSeenBy(ctx: CallContext, item: Decision['items'][number]): Decision['items'][number] {
  if (item.kind !== 'concern') return item;
  const head = concernHead(ctx.db(), item.ref.slice('concern:'.length));
  if (head && canRead(ctx.user, head)) {
    ctx.touch(item.ref);
    return item;
  }
  return { ...item, label: 'A safeguarding concern', content: 'Only the safeguarding team members who may read this concern can see what it says.' };
}

const HANDLING: Record<SharingMethod, string> = {
  'secure-email': 'Sent by secure email. Do not forward it to anyone who does not need it, and do not send it on by ordinary email.',
  'encrypted-file': 'Sent as an encrypted file. The password is sent separately. Do not store it unencrypted.',
  'in-person': 'Handed over in person. Keep it in a locked place and do not leave it where others can read it.',
  phone: 'Shared by phone; this pack is the written record. Keep it in a locked place.',
  post: 'Sent by post, marked “Private and confidential” and addressed to a named person. Keep it in a locked place.',
  'plain-email': 'Sent by ordinary email, because it does not identify anyone and is not confidential.',
};

function handlingFor(method: SharingMethod | null, purpose: string): string[] {
  return [
    ...(method ? [HANDLING[method]] : []),
    `Use this information only for the purpose stated on this sheet: ${purpose}`,
    'Share it only with people who need it for that purpose. Do not pass it on to anyone else without asking us first.',
    'Keep it secure while you need it, and destroy it securely (shred it, or delete it) when you no longer do.',
    'If anything in it is wrong or out of date, tell us straight away so we can correct our records.',
  ];
}

export const sharingHandlers: HandlersFor<typeof sharingChannels> = {
  'sharing.items': (input, ctx) => {
    const db = ctx.db();
    const today = londonDay(ctx.now());
    const settings = readSettings(db, ctx.state.vault.settingName() ?? '');
    const file = readChildFile(db, input.childId, today, settings.contactCheckMonths, settings.settingName);
    const attends = new Set(file.sharedCare.filter((s) => s.current).map((s) => s.partnerId));
    const items = childItems(db, file, ctx.user);
    // Reading a concern's words is audited as opening it is.
    ctx.touch(...items.filter((i) => i.kind === 'concern').map((i) => i.ref));
    return {
      child: { id: file.child.id, name: displayName(file.child) },
      items,
      partners: listPartners(db, today)
        .map((p) => ({ partnerId: p.id, name: p.name, kind: p.kind, attends: attends.has(p.id), secure: !!(p.secureEmail || p.portal) }))
        .sort((a, b) => Number(b.attends) - Number(a.attends) || a.name.localeCompare(b.name)),
    };
  },

  'sharing.assess': (input, ctx) => {
    const built = buildDraft(ctx, input);
    const assessment = assessSharing(built.request, enginePolicy(built.policy));
    ctx.touch(`child:${input.childId}`);
    return {
      assessment,
      consent: built.consent,
      recipient: {
        partnerId: built.partner.id,
        name: built.partner.name,
        kind: built.request.recipient.kind,
        attends: built.file.sharedCare.some((s) => s.partnerId === built.partner.id && s.current),
      },
      proposalOnly: built.proposalOnly,
      needsAuthorisation: assessment.outcome === 'needs-authorisation' || (built.proposalOnly && assessment.outcome === 'share'),
      authorisers: authorisersOf(built.policy),
      problems: built.problems,
    };
  },

  'sharing.record': async (input, ctx) => {
    const built = buildDraft(ctx, input);
    if (built.problems.length) throw new TwoWayError('invalid-input', 'Some answers need correcting before the decision can be recorded.', { issues: built.problems });
    const { policy, decider, request } = built;
    // Golden rule 7: "Keep a record of your decision ... whether it is to share information or not":
    // anyone who may start the questions may record a decision not to share.
    if (input.decision === 'share' && built.proposalOnly && !policy.practitionersMayPropose) {
      throw new TwoWayError('forbidden', 'Your setting’s policy does not let practitioners record sharing decisions. Ask the DSL or a manager.');
    }
    const engine = enginePolicy(policy);
    const assessment = assessSharing(request, engine);
    let needsAuthorisation = false;
    if (input.decision === 'share') {
      if (assessment.outcome === 'do-not-share' || assessment.outcome === 'needs-more-information') {
        throw new TwoWayError('invalid-input', `This cannot be recorded as a decision to share: the checklist says “${OUTCOME_LABELS[assessment.outcome]}”.`, {
          issues: [{ path: ['decision'], message: refusedChecks(assessment) || OUTCOME_LABELS[assessment.outcome] }],
        });
      }
      needsAuthorisation = assessment.outcome === 'needs-authorisation' || built.proposalOnly;
    }
    if (input.authoriser && !needsAuthorisation) {
      throw fieldError('authoriser', input.decision === 'share' ? 'A second person’s agreement is not needed for this decision.' : 'A decision not to share does not need a second person’s password.');
    }
    // Verified before anything is written: a wrong password leaves no trace but the back-off count.
    const authoriser = input.authoriser ? await verifySecondPerson(ctx, input.authoriser) : null;

    const id = insertDecision(ctx.db(), {
      childId: input.childId,
      partnerId: built.partner.id,
      recipientName: built.partner.name,
      recipientKind: request.recipient.kind,
      recipientContact: blankToNull(input.recipientContact),
      purpose: input.purpose,
      decision: input.decision,
      reasons: input.reasons,
      outcome: assessment.outcome,
      basis: assessment.basis ?? null,
      needsAuthorisation,
      proposal: built.proposalOnly && input.decision === 'share',
      method: input.decision === 'share' ? (input.method ?? null) : null,
      consent: built.consent,
      adviceFrom: input.adviceSought ? blankToNull(input.adviceFrom) : null,
      adviceNote: input.adviceSought ? blankToNull(input.adviceNote) : null,
      request,
      assessment,
      items: built.items,
      policy,
      decidedBy: decider,
      at: ctx.nowIso(),
      day: built.today,
    });
    ctx.touch(`child:${input.childId}`, `sharing:${id}`);
    if (authoriser) {
      authorise(ctx, id, authoriser, 'same-laptop-password', true, null);
      return { id, status: 'shared' as const };
    }
    if (input.decision === 'do-not-share') return { id, status: 'not-shared' as const };
    return { id, status: needsAuthorisation ? ('awaiting-authorisation' as const) : ('shared' as const) };
  },

  'sharing.authorise': async (input, ctx) => {
    const row = requireDecisionRow(ctx.db(), input.sharingId);
    if (row.status !== 'awaiting-authorisation') throw new TwoWayError('conflict', 'This decision is not waiting for authorisation.');
    const person = input.authoriser ? await verifySecondPerson(ctx, input.authoriser) : currentPerson(ctx);
    const status = authorise(ctx, row.id, person, input.authoriser ? 'same-laptop-password' : 'own-login', input.agree, blankToNull(input.note));
    return { status };
  },

  'sharing.pending': (_input, ctx) => {
    const db = ctx.db();
    const policy = readSharingPolicy(db);
    const me = currentPerson(ctx);
    const canAuthorise = mayAuthorise(policy, me.roles);
    // Authorisers see everything waiting; anyone else sees what they proposed themselves.
    const { decisions } = listDecisions(db, { status: 'awaiting-authorisation', ...(canAuthorise ? {} : { decidedBy: me.userId }), limit: 500 });
    ctx.touch(...new Set(decisions.map((d) => `child:${d.childId}`)));
    return { decisions, canAuthorise, authorisers: authorisersOf(policy) };
  },

  'sharing.list': (input, ctx) => {
    const result = listDecisions(ctx.db(), input);
    ctx.touch(...new Set(result.decisions.map((d) => `child:${d.childId}`)));
    return result;
  },

  'sharing.get': (input, ctx) => readDecision(ctx, input.sharingId),

  'sharing.pack': (input, ctx) => {
    const decision = readDecision(ctx, input.sharingId);
    if (decision.status !== 'shared') throw new TwoWayError('conflict', 'There is a share pack only for a decision to share that has been approved.');
    if (decision.basisGone) throw new TwoWayError('conflict', `The share pack cannot be printed. ${decision.basisGone}`);
    const db = ctx.db();
    const profile = readProfile(db, ctx.state.vault.settingName() ?? '');
    const partner = findPartner(db, decision.partnerId);
    const items = decision.items.filter((i) => i.shared);
    const agencies = [...new Set(items.flatMap((i) => (i.thirdParty ? [i.thirdParty.agency] : [])))];
    ctx.touch(`partner:${decision.partnerId}`);
    return {
      decision,
      items,
      setting: { name: profile.name, address: profile.address, phone: profile.phone, email: profile.email },
      recipient: { name: decision.recipientName, address: partner?.address ?? null, secureEmail: partner?.secureEmail ?? null, portal: partner?.portal ?? null },
      handling: handlingFor(decision.method, decision.purpose),
      thirdPartyWarning: agencies.length
        ? `Some of this information came from ${agencies.join(', ')}, which agreed to it being passed to you. It is third-party information: do not pass it on without that agency’s agreement.`
        : 'Information we hold from other agencies is third-party information: it is kept in confidence and not shared without that agency’s consent. If you receive any, do not pass it on without their agreement.',
      printedBy: ctx.user.fullName,
      printedAt: ctx.nowIso(),
    };
  },

  'sharing.addendum': (input, ctx) => {
    const row = requireDecisionRow(ctx.db(), input.sharingId);
    const me = currentPerson(ctx);
    const addendumId = insertAddendum(ctx.db(), { decisionId: row.id, text: input.text, why: input.why, by: me, at: ctx.nowIso() });
    ctx.touch(`child:${row.child_id}`, `sharing:${row.id}`);
    return { addendumId };
  },

  'sharing.policy': (_input, ctx) => readSharingPolicy(ctx.db()),

  'sharing.setPolicy': (input, ctx) => {
    writeSharingPolicy(ctx.db(), input);
    return readSharingPolicy(ctx.db());
  },
};

/**
 * The second person's agreement (or refusal), checked against the policy in force now and with the
 * engine re-run on the frozen request with them as the authoriser. Written once; never changed.
 */
function authorise(
  ctx: CallContext,
  decisionId: string,
  person: Person,
  how: 'same-laptop-password' | 'own-login',
  agreed: boolean,
  note: string | null,
): 'shared' | 'declined' {
  const db = ctx.db();
  const row = requireDecisionRow(db, decisionId);
  const policy = readSharingPolicy(db);
  if (person.userId === row.decided_by) throw new TwoWayError('forbidden', SAME_PERSON, { issues: [{ path: ['authoriser', 'username'], message: SAME_PERSON }] });
  const request = JSON.parse(row.request_json) as SharingRequest;
  const roles = authoriserRolesFor(request, enginePolicy(policy));
  if (!person.roles.some((r) => roles.includes(r))) {
    const message =
      roles.length === 0
        ? 'No second person can agree to this decision: only the DSL or a manager may rely on a court order or a legal duty, and your setting’s policy names neither of them to agree. The DSL or a manager should record the decision themselves.'
        : `${person.name} cannot authorise this: it must be agreed by ${authoriserPhrase(roles, policy.roleNames)}.`;
    throw new TwoWayError('forbidden', message, { issues: [{ path: ['authoriser', 'username'], message }] });
  }
  if (agreed) {
    const gone = consentGoneSince(db, row, londonDay(ctx.now()));
    if (gone) throw new TwoWayError('conflict', `This cannot be authorised. ${gone}`);
  }
  const assessment = assessSharing({ ...request, authorisedBy: { userId: person.userId, roles: person.roles } }, enginePolicy(policy));
  if (agreed && assessment.outcome !== 'share') {
    throw new TwoWayError('conflict', `This share cannot go ahead: ${refusedChecks(assessment) || OUTCOME_LABELS[assessment.outcome]}`);
  }
  insertAuthorisation(db, { decisionId, agreed, by: person, how, note, assessment, policy, at: ctx.nowIso() });
  ctx.touch(`child:${row.child_id}`, `sharing:${row.id}`, `user:${person.userId}`);
  return agreed ? 'shared' : 'declined';
}

