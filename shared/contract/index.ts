import type { z } from 'zod';
import { agreementsChannels } from './agreements';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { printChannels } from './print';
import { authChannels } from './auth';
import { carersChannels, childrenChannels } from './children';
import { concernsChannels } from './concerns';
import { consentChannels } from './consent';
import { diaryChannels } from './diary';
import { meetingsChannels } from './meetings';
import { packsChannels } from './packs';
import { homeVisitsChannels, observationsChannels } from './observations';
import { documentsChannels } from './documents';
import { partnersChannels } from './partners';
import { settingChannels } from './setting';
import { settingsChannels } from './settings';
import { retentionChannels } from './retention';
import { sharingChannels } from './sharing';
import { setupChannels } from './setup';
import { usersChannels } from './users';

/** Every channel of TwoWay, by name. Add a feature's table here; everything else follows from it. */
export const contract = {
  ...setupChannels,
  ...authChannels,
  ...usersChannels,
  ...settingsChannels,
  ...auditChannels,
  ...printChannels,
  ...settingChannels,
  ...partnersChannels,
  ...childrenChannels,
  ...carersChannels,
  ...consentChannels,
  ...diaryChannels,
  ...sharingChannels,
  ...concernsChannels,
  ...meetingsChannels,
  ...packsChannels,
  ...retentionChannels,
  ...agreementsChannels,
  ...observationsChannels,
  ...homeVisitsChannels,
  ...documentsChannels,
  ...backupChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
