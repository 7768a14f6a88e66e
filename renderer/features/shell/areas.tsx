import {
  AlertRegular,
  ArchiveRegular,
  BuildingRegular,
  CalendarLtrRegular,
  ContactCardGroupRegular,
  HomeRegular,
  PeopleCommunityRegular,
  PeopleTeamRegular,
  SettingsRegular,
  ShareRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { contract, type ChannelName } from '../../../shared/contract/index';
import { rolesAllow, type Role } from '../../../shared/contract/define';

export interface Area {
  id: string;
  label: string;
  icon: ReactElement;
  /** The area shows for whoever may call this channel: menus follow the contract's roles, never a second list. */
  requires: ChannelName;
  description: string;
  /** Planned for a later version: listed so staff know it is coming, but it opens nothing yet. */
  planned?: true;
}

export const AREAS: Area[] = [
  { id: 'home', label: 'Home', icon: <HomeRegular />, requires: 'settings.get', description: 'What needs doing today.' },
  { id: 'children', label: 'Children', icon: <PeopleCommunityRegular />, requires: 'children.list', description: 'Children, families, health, shared care and the consent register.' },
  { id: 'partners', label: 'Partners', icon: <ContactCardGroupRegular />, requires: 'partners.list', description: 'Other settings, schools and agencies, with secure contact details.' },
  { id: 'diary', label: 'Diary', icon: <CalendarLtrRegular />, requires: 'diary.childWeek', description: 'The week-view communication diary with parents and other settings.' },
  { id: 'concerns', label: 'Concerns', icon: <AlertRegular />, requires: 'concerns.record', description: 'Record a safeguarding concern for the DSL; for the DSL and manager, triage, actions, referrals and each child’s chronology.' },
  { id: 'sharing', label: 'Sharing', icon: <ShareRegular />, requires: 'sharing.pending', description: 'Information-sharing decisions, share or not, with their reasons; authorisations and the register.' },
  { id: 'meetings', label: 'Meetings', icon: <PeopleTeamRegular />, requires: 'meetings.planner', description: 'Termly joint meetings with parents and other settings: the planner, meeting records and the packs.' },
  { id: 'records', label: 'Keeping records', icon: <ArchiveRegular />, requires: 'sar.prepare', description: 'How long records are kept, records due for review and disposal, and subject access requests.' },
  { id: 'setting', label: 'Our setting', icon: <BuildingRegular />, requires: 'setting.get', description: 'Our details, DSL and manager, and our policies with review dates.' },
  // Office staff see Admin for its Backups tab only (backups are theirs to make; the other tabs need more).
  { id: 'admin', label: 'Admin', icon: <SettingsRegular />, requires: 'backup.status', description: 'Staff accounts, settings, the audit trail and backups.' },
];

export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((a) => rolesAllow(contract[a.requires].access, roles));
}
