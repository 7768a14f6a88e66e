import type { Session } from '../../shared/contract/auth';
import { rolesAllow } from '../../shared/contract/define';
import { contract, type ChannelName } from '../../shared/contract/index';

/** Whether this user may call a channel: buttons and menus follow the contract's roles, never a second list. */
export function can(session: Session, channel: ChannelName): boolean {
  return rolesAllow(contract[channel].access, session.roles);
}
