import type { Contract } from '../../shared/contract/index';
import { agreementsHandlers } from './agreements/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { printHandlers } from './print/handlers';
import { authHandlers, setupHandlers, usersHandlers } from './auth/handlers';
import { carersHandlers, childrenHandlers } from './children/handlers';
import { concernsHandlers } from './concerns/handlers';
import { consentHandlers } from './consent/handlers';
import type { HandlersFor } from './context';
import { diaryHandlers } from './diary/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { packsHandlers } from './packs/handlers';
import { homeVisitsHandlers, observationsHandlers } from './observations/handlers';
import { documentsHandlers } from './documents/handlers';
import { partnersHandlers } from './partners/handlers';
import { retentionHandlers } from './retention/handlers';
import { settingHandlers } from './setting/handlers';
import { settingsHandlers } from './settings/handlers';
import { sharingHandlers } from './sharing/handlers';

export type Handlers = HandlersFor<Contract>;

/** One handler per channel of the contract; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...printHandlers,
  ...settingHandlers,
  ...partnersHandlers,
  ...childrenHandlers,
  ...carersHandlers,
  ...consentHandlers,
  ...diaryHandlers,
  ...sharingHandlers,
  ...concernsHandlers,
  ...meetingsHandlers,
  ...packsHandlers,
  ...retentionHandlers,
  ...agreementsHandlers,
  ...observationsHandlers,
  ...homeVisitsHandlers,
  ...documentsHandlers,
  ...backupHandlers,
};
