import { TwoWayError } from '../../../shared/contract/errors';
import { readSettings } from '../settings/repo';
import type { CoreState } from '../state';

/**
 * Issue 18: the safeguarding area opens only when the user typed their password within the setting's
 * step-up time (logging in counts). The refusal has its own code, so the renderer asks for the
 * password (auth.confirm) and tries again; the dispatcher audits the refusal like any other.
 */
export function requireRecentConfirmation(state: CoreState): void {
  const minutes = readSettings(state.db(), '').stepUpMinutes;
  if (state.now().getTime() - state.confirmedAt <= minutes * 60_000) return;
  throw new TwoWayError('step-up-needed', 'Concerns are kept safe: type your password again to open them.');
}
