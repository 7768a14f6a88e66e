import type { ChannelName } from '../../../shared/contract/index';
import { contract, isChannelName } from '../../../shared/contract/index';

/**
 * The audit trail in words for a manager: what each channel did (past tense, after the person's name)
 * and what someone tried to do when it was refused (after "tried to"). Placeholders are filled with
 * names from the records the entry touched: {child}, {staff} (a member of staff acted on), {partner},
 * {document}. A channel missing here falls back to its summary; test/core/audit.test.ts lists any.
 */
export const AUDIT_WORDING: Partial<Record<ChannelName | 'auth.idle-lock', readonly [done: string, tried: string]>> = {
  'audit.list': ['looked at the audit trail', 'look at the audit trail'],
  'audit.verify': ['checked the audit trail was intact', 'check the audit trail'],
  'audit.loginAlerts': ['looked at the failed logins warning', 'look at the failed logins warning'],
  'auth.login': ['logged in', 'log in'],
  'auth.loginWithRecoveryKey': ['logged in with the recovery key', 'log in with the recovery key'],
  'auth.logout': ['logged out', 'log out'],
  'auth.lock': ['locked TwoWay', 'lock TwoWay'],
  'auth.idle-lock': ['was logged out automatically after TwoWay was left idle', 'stay logged in'],
  'auth.hide': ['hid the screen', 'hide the screen'],
  'documents.add': ['added a document to {child}’s records', 'add a document to {child}’s records'],
  'documents.list': ['looked at the documents kept with a record of {child}', 'look at the documents kept with a record of {child}'],
  'documents.forChild': ['looked at the list of {child}’s documents', 'look at the list of {child}’s documents'],
  'documents.open': ['viewed a document kept with {child}’s records', 'view a document kept with {child}’s records'],
  'documents.saveCopy': ['saved an unencrypted copy of a document about {child}', 'save a copy of a document about {child}'],
  'documents.remove': ['removed a document about {child} (its content deleted)', 'remove a document about {child}'],
  'concerns.linkChildren': ['named other children involved in a concern about {child}', 'name other children involved in a concern about {child}'],
  'auth.confirm': ['typed their password again to open the safeguarding area', 'confirm their password for the safeguarding area'],
  'auth.unhide': ['showed the screen again with their password', 'show the hidden screen again'],
  'auth.changePassword': ['changed their own password', 'change their own password'],
  'auth.session': ['checked who is logged in', 'check who is logged in'],
  'setup.status': ['checked whether TwoWay was set up', 'check whether TwoWay was set up'],
  'setup.create': ['set up TwoWay on this laptop', 'set up TwoWay again'],
  'settings.get': ['looked at the preferences', 'look at the preferences'],
  'settings.update': ['changed the preferences (lock time, contact checks)', 'change the preferences'],
  'users.list': ['looked at the staff accounts', 'look at the staff accounts'],
  'users.create': ['added a staff account for {staff}', 'add a staff account'],
  'users.resetPassword': ['gave {staff} a new first password', 'give {staff} a new first password'],
  'users.setRoles': ['changed the roles of {staff}', 'change the roles of {staff}'],
  'users.deactivate': ['deactivated the account of {staff}', 'deactivate the account of {staff}'],
  'users.changeDatabaseKey': ['changed the database key (old copies of passwords no longer open the records)', 'change the database key'],
  'users.rotateRecoveryKey': ['made a new recovery key (the old one no longer opens the records)', 'make a new recovery key'],
  'backup.status': ['looked at the backups', 'look at the backups'],
  'backup.setSettings': ['changed where backups go and how many are kept', 'change the backup settings'],
  'backup.chooseFolder': ['chose a folder for backups', 'choose a folder for backups'],
  'backup.chooseFile': ['chose a backup file', 'choose a backup file'],
  'backup.create': ['backed up the records', 'back up the records'],
  'backup.verify': ['checked a backup file', 'check a backup file'],
  'backup.inspect': ['looked at what a backup file holds', 'look at what a backup file holds'],
  'backup.restore': ['restored the records from a backup', 'restore the records from a backup'],
  'backup.undoRestore': ['undid the last restore (the records before it were put back)', 'undo the last restore'],
  'setup.inspectBackup': ['looked at what a backup file holds, on a laptop not yet set up', 'look at a backup file'],
  'setup.restoreBackup': ['restored the records from a backup onto this laptop', 'restore a backup onto this laptop'],
  'children.list': ['looked at the list of children', 'look at the list of children'],
  'children.get': ['viewed {child}’s file', 'open {child}’s file'],
  'children.create': ['added {child}', 'add a child'],
  'children.update': ['changed {child}’s details', 'change {child}’s details'],
  'children.addContact': ['added an emergency contact for {child}', 'add an emergency contact for {child}'],
  'children.updateContact': ['changed an emergency contact of {child}', 'change an emergency contact of {child}'],
  'children.moveContact': ['reordered {child}’s emergency contacts', 'reorder {child}’s emergency contacts'],
  'children.removeContact': ['took an emergency contact off {child}’s list', 'take an emergency contact off {child}’s list'],
  'children.addHealth': ['recorded a health need for {child}', 'record a health need for {child}'],
  'children.updateHealth': ['changed a health need of {child}', 'change a health need of {child}'],
  'children.endHealth': ['marked a health need of {child} as no longer applying', 'end a health need of {child}'],
  'children.addSharedCare': ['recorded another setting {child} attends', 'record another setting {child} attends'],
  'children.updateSharedCare': ['changed {child}’s shared care', 'change {child}’s shared care'],
  'children.endSharedCare': ['ended {child}’s shared care at another setting', 'end {child}’s shared care'],
  'children.whereOn': ['checked where {child} is on a day', 'check where {child} is on a day'],
  'children.summary': ['opened {child}’s one-page summary for a partner', 'open {child}’s one-page summary'],
  'carers.list': ['viewed the parents and carers of {child}', 'view the parents and carers of {child}'],
  'carers.create': ['added a parent or carer for {child}', 'add a parent or carer for {child}'],
  'carers.update': ['changed a parent or carer of {child}', 'change a parent or carer of {child}'],
  'consent.record': ['recorded a consent decision for {child}', 'record a consent decision for {child}'],
  'consent.withdraw': ['recorded that a consent for {child} was withdrawn', 'record a withdrawal of consent for {child}'],
  'consent.acknowledge': ['recorded that a carer of {child} read the information sharing policy', 'record a policy acknowledgement for {child}'],
  'consent.check': ['checked consent for {child}', 'check consent for {child}'],
  'consent.register': ['viewed the consent register of {child}', 'view the consent register of {child}'],
  'diary.overview': ['looked at the rooms', 'look at the rooms'],
  'diary.parties': ['looked at who can write in {child}’s diary', 'look at who can write in {child}’s diary'],
  'diary.add': ['added an entry to {child}’s diary', 'add an entry to {child}’s diary'],
  'diary.amend': ['amended an entry in {child}’s diary', 'amend an entry in {child}’s diary'],
  'diary.closeFollowUp': ['closed a follow-up in {child}’s diary', 'close a follow-up in {child}’s diary'],
  'diary.openFollowUps': ['looked at the diary follow-ups still open', 'look at the diary follow-ups still open'],
  'diary.entry': ['read an entry in {child}’s diary', 'read an entry in {child}’s diary'],
  'diary.childWeek': ['read a week of {child}’s diary', 'read {child}’s diary'],
  'diary.roomWeek': ['looked at a room’s week in the diary', 'look at a room’s week'],
  'diary.patterns': ['looked at patterns in {child}’s diary', 'look at patterns in {child}’s diary'],
  'diary.search': ['searched the diary', 'search the diary'],
  'diary.share': ['shared an entry of {child}’s diary with {partner}', 'share a diary entry of {child}'],
  'diary.sharingHistory': ['viewed where {child}’s diary entries were shared', 'view where {child}’s diary entries were shared'],
  'diary.setWeekPlan': ['recorded a week’s plans', 'record a week’s plans'],
  'partners.list': ['looked at the partners directory', 'look at the partners directory'],
  'partners.get': ['viewed the partner {partner}', 'view a partner'],
  'partners.create': ['added the partner {partner}', 'add a partner'],
  'partners.update': ['changed the details of {partner}', 'change the details of a partner'],
  'print.record': ['printed {document}', 'print {document}'],
  'print.capabilities': ['checked whether PDFs can be saved', 'check whether PDFs can be saved'],
  'print.savePdf': ['saved {document} as a PDF', 'save {document} as a PDF'],
  'setting.get': ['looked at our setting’s details', 'look at our setting’s details'],
  'setting.update': ['changed our setting’s details', 'change our setting’s details'],
  'setting.staff': ['looked at the staff list', 'look at the staff list'],
  'setting.policies': ['looked at our policies', 'look at our policies'],
  'setting.addPolicy': ['added a policy', 'add a policy'],
  'setting.reviewPolicy': ['recorded a policy review', 'record a policy review'],
  'setting.retirePolicy': ['retired a policy', 'retire a policy'],
  'sharing.items': ['looked at what could be shared about {child}', 'look at what could be shared about {child}'],
  'sharing.assess': ['went through the information sharing checklist for {child}', 'go through the information sharing checklist for {child}'],
  'sharing.record': ['recorded an information sharing decision about {child} (to {partner})', 'record an information sharing decision about {child}'],
  'sharing.authorise': ['answered as the second person on a decision to share about {child}', 'answer as the second person on a decision about {child}'],
  'sharing.pending': ['looked at the decisions awaiting authorisation', 'look at the decisions awaiting authorisation'],
  'sharing.list': ['looked at the sharing register', 'look at the sharing register'],
  'sharing.get': ['opened an information sharing decision about {child}', 'open an information sharing decision about {child}'],
  'sharing.pack': ['opened the share pack for {child} (to {partner})', 'open the share pack for {child}'],
  'sharing.addendum': ['added an addendum to a sharing decision about {child}', 'add an addendum to a sharing decision about {child}'],
  'sharing.policy': ['looked at our information sharing policy settings', 'look at our information sharing policy settings'],
  'sharing.setPolicy': ['changed who authorises information sharing', 'change who authorises information sharing'],
  'retention.rules': ['viewed the retention rules', 'view the retention rules'],
  'retention.setRule': ['changed a retention rule', 'change a retention rule'],
  'retention.setStaffNames': ['changed how staff names are treated in subject access exports', 'change how staff names are treated in subject access exports'],
  'retention.due': ['viewed the records due for review', 'view the records due for review'],
  'retention.dueCount': ['counted the records due for review', 'count the records due for review'],
  'retention.keep': ['kept some of {child}’s records longer', 'keep some of {child}’s records longer'],
  'retention.dispose': ['disposed of a set of records whose retention period had ended', 'dispose of a set of records'],
  'sar.prepare': ['prepared a subject access export for {child}', 'prepare a subject access export for {child}'],
  'sar.review': ['recorded the review of a subject access request for {child}', 'record the review of a subject access request for {child}'],
  'sar.export': ['opened the subject access export for {child}', 'open the subject access export for {child}'],
  'concerns.record': ['recorded a safeguarding concern about {child}', 'record a safeguarding concern about {child}'],
  'concerns.staff': ['looked at the list of staff', 'look at the list of staff'],
  'concerns.mine': ['looked at the concerns they recorded', 'look at the concerns they recorded'],
  'concerns.alerts': ['looked at the safeguarding alerts', 'look at the safeguarding alerts'],
  'concerns.list': ['looked at the list of safeguarding concerns', 'look at the list of safeguarding concerns'],
  'concerns.get': ['opened a safeguarding concern about {child}', 'open a safeguarding concern about {child}'],
  'concerns.addendum': ['added an addendum to a safeguarding concern about {child}', 'add an addendum to a safeguarding concern'],
  'concerns.review': ['recorded a decision on a safeguarding concern about {child}', 'record a decision on a safeguarding concern'],
  'concerns.addAction': ['added an action to a safeguarding concern about {child}', 'add an action to a safeguarding concern'],
  'concerns.closeAction': ['closed an action on a safeguarding concern about {child}', 'close an action on a safeguarding concern'],
  'concerns.addReferral': ['recorded a referral about {child}', 'record a referral'],
  'concerns.updateReferral': ['added news of a referral about {child}', 'add news of a referral'],
  'concerns.markDiarySignificant': ['added a diary entry to {child}’s safeguarding chronology', 'add a diary entry to a safeguarding chronology'],
  'concerns.chronology': ['opened {child}’s safeguarding chronology', 'open {child}’s safeguarding chronology'],
  'concerns.setPartnerArrangement': ['recorded how we tell {partner} of concerns', 'record how we tell a partner of concerns'],
  'concerns.arrangements': ['looked at what was agreed with partners about concerns', 'look at what was agreed with partners about concerns'],
  'concerns.recordTransfer': ['recorded that {child}’s safeguarding file was sent on', 'record a transfer of a safeguarding file'],
  'concerns.confirmTransfer': ['recorded receipt of {child}’s safeguarding file', 'record receipt of a safeguarding file'],
  'visits.record': ['recorded a visiting professional', 'record a visiting professional'],
  'visits.list': ['looked at the visiting professionals', 'look at the visiting professionals'],
  'terms.list': ['looked at the term dates', 'look at the term dates'],
  'terms.save': ['changed the term dates', 'change the term dates'],
  'meetings.planner': ['looked at the termly meeting planner', 'look at the termly meeting planner'],
  'meetings.addChild': ['added {child} to the termly meeting planner', 'add a child to the termly meeting planner'],
  'meetings.invitable': ['looked at who can be invited to a joint meeting', 'look at who can be invited to a joint meeting'],
  'meetings.book': ['booked a joint meeting for {child}', 'book a joint meeting for {child}'],
  'meetings.update': ['changed a joint meeting for {child}', 'change a joint meeting for {child}'],
  'meetings.cancel': ['cancelled a joint meeting for {child}', 'cancel a joint meeting for {child}'],
  'meetings.get': ['opened a joint meeting for {child}', 'open a joint meeting for {child}'],
  'meetings.ofChild': ['looked at {child}’s joint meetings', 'look at {child}’s joint meetings'],
  'meetings.record': ['recorded a joint meeting for {child}', 'record a joint meeting for {child}'],
  'meetings.updateAction': ['updated an action from a joint meeting for {child}', 'update an action from a joint meeting'],
  'meetings.thisTerm': ['looked at this term’s meetings', 'look at this term’s meetings'],
  'meetings.between': ['looked at the joint meetings booked between two dates', 'look at the joint meetings booked between two dates'],
  'packs.content': ['opened the meeting pack for {child}', 'open the meeting pack for {child}'],
  'packs.capabilities': ['checked whether TwoWay can make PDF files', 'check whether TwoWay can make PDF files'],
  'packs.chooseFolder': ['chose a folder for meeting packs', 'choose a folder for meeting packs'],
  'packs.save': ['saved the meeting pack for {child} as a PDF', 'save the meeting pack for {child}'],
  'packs.saveOfficeSheet': ['saved the office sheet of what was left out of meeting packs', 'save the office sheet of meeting packs'],
  'packs.combine': ['joined meeting packs into one PDF', 'join meeting packs into one PDF'],
  'agreements.get': ['opened {child}’s information sharing agreement', 'open {child}’s information sharing agreement'],
  'agreements.versions': ['looked at the versions of {child}’s information sharing agreement', 'look at the versions of {child}’s information sharing agreement'],
  'agreements.update': ['changed {child}’s information sharing agreement', 'change {child}’s information sharing agreement'],
  'agreements.sign': ['recorded a signature on {child}’s information sharing agreement', 'record a signature on {child}’s information sharing agreement'],
  'agreements.attention': ['looked at the information sharing agreements needing attention', 'look at the information sharing agreements needing attention'],
  'observations.add': ['recorded an observation of {child}', 'record an observation of {child}'],
  'observations.list': ['looked at {child}’s observations', 'look at {child}’s observations'],
  'observations.setNextStep': ['moved on a next step for {child}', 'move on a next step for {child}'],
  'homevisits.record': ['recorded a home visit to {child}’s family', 'record a home visit'],
  'homevisits.list': ['looked at {child}’s home visits', 'look at {child}’s home visits'],
  'homevisits.share': ['shared the notes of a home visit to {child}’s family with {partner}', 'share the notes of a home visit to {child}’s family'],
};

/** Documents as a manager names them. */
const DOCUMENTS: Record<string, string> = {
  'recovery-sheet': 'the recovery key sheet',
  'child-summary': '{child}’s one-page summary',
  'diary-week': 'a week of {child}’s diary',
  'diary-room-week': 'a room’s diary week',
  'share-pack': 'the share pack for {child}',
  'sharing-register': 'the sharing register',
  'safeguarding-chronology': '{child}’s safeguarding chronology',
  'meeting-pack': 'the meeting pack for {child}',
  'meeting-pack-office-sheet': 'the office sheet of what was left out of meeting packs',
  'audit-trail': 'the audit trail',
  'subject-access': '{child}’s record for a subject access request',
  'sharing-agreement': '{child}’s information sharing agreement',
  'attached-document': 'a document kept with {child}’s records',
  other: 'a page',
};

/** Why a request was refused, for a manager. */
export const REFUSAL_REASONS: Record<string, string> = {
  forbidden: 'their role does not allow it',
  'not-logged-in': 'nobody was logged in',
  'must-change-password': 'they had to choose a new password first',
  'invalid-input': 'the details sent were not valid (nothing was saved)',
  'wrong-credentials': 'a password did not match',
  deactivated: 'their account had been deactivated, so they were logged out',
  'unknown-channel': 'TwoWay does not know that request',
  'screen-hidden': 'the screen was hidden until their password was typed',
  'step-up-needed': 'their password had to be typed again first',
};

export interface Names {
  children: string[];
  staff: string[];
  partners: string[];
  document: string | null;
}

function list(names: string[], one: string, many: string): string {
  if (names.length === 0) return one;
  if (names.length === 1) return names[0]!;
  return `${names[0]} and ${names.length - 1} other ${many}`;
}

function fill(template: string, names: Names): string {
  const doc = names.document ? (DOCUMENTS[names.document] ?? 'a page') : 'a page';
  return template
    .replace('{document}', doc)
    .replace(/\{child\}/g, list(names.children, 'a child', 'children'))
    .replace(/\{staff\}/g, list(names.staff, 'a member of staff', 'staff'))
    .replace(/\{partner\}/g, list(names.partners, 'a partner', 'partners'));
}

function phrases(channel: string): readonly [string, string] {
  const known = AUDIT_WORDING[channel as ChannelName];
  if (known) return known;
  const summary = isChannelName(channel) ? contract[channel].summary.replace(/\.$/, '') : 'an unknown request';
  return [`used “${summary}”`, `use “${summary}”`];
}

/** "Sarah Jones viewed Amelia Jones’s file"; "Someone tried to log in as “bob”: the password did not match". */
export function describe(entry: {
  channel: string;
  outcome: 'done' | 'refused' | 'failed-login';
  reason: string | null;
  detail: string | null;
  userName: string | null;
  confirmedByName: string | null;
  names: Names;
}): string {
  if (entry.outcome === 'failed-login') {
    if (entry.reason === 'dropped') return `${entry.detail ?? 'Some'} more failed logins were not recorded one by one`;
    if (entry.channel === 'auth.loginWithRecoveryKey') return 'Someone tried the recovery key, and it did not match';
    const account = entry.names.staff[0];
    if (account) return `Someone tried to log in as ${entry.detail ? `“${entry.detail}” (${account})` : account}: the password was wrong or the account is not active`;
    if (entry.detail) return `Someone tried to log in as “${entry.detail}”, which is not a username in TwoWay`;
    return 'Someone tried to log in with a username that is not in TwoWay';
  }
  const who = entry.userName ?? 'Someone who was not logged in';
  const [done, tried] = phrases(entry.channel);
  if (entry.outcome === 'refused') {
    if (entry.reason === 'dropped') return `${entry.detail ?? 'Some'} more refused requests while TwoWay was locked were not recorded one by one`;
    return `${who} tried to ${fill(tried, entry.names)}: refused, ${REFUSAL_REASONS[entry.reason ?? ''] ?? 'it was not allowed'}`;
  }
  const second = entry.confirmedByName ? `, confirmed by ${entry.confirmedByName} with their own password at the same laptop` : '';
  return `${who} ${fill(done, entry.names)}${second}`;
}
