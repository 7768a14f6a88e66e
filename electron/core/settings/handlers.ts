import type { settingsChannels } from '../../../shared/contract/settings';
import type { HandlersFor } from '../context';
import { readSettings, writeSettings } from './repo';

export const settingsHandlers: HandlersFor<typeof settingsChannels> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db(), ctx.state.vault.settingName() ?? ''),

  'settings.update': (input, ctx) => {
    writeSettings(ctx.db(), input);
    if (input.settingName) {
      const name = input.settingName;
      ctx.after(() => ctx.state.vault.setSettingName(name));
    }
    const settings = readSettings(ctx.db(), ctx.state.vault.settingName() ?? '');
    // The idle lock follows the new setting from the next call on.
    if (ctx.state.session) ctx.state.session = { ...ctx.state.session, idleLockMinutes: settings.idleLockMinutes };
    return settings;
  },
};
