import type { settingChannels } from '../../../shared/contract/setting';
import { londonDay } from '../../../shared/domain/dates';
import type { HandlersFor } from '../context';
import { addPolicy, listPolicies, listStaff, readProfile, retirePolicy, reviewPolicy, updateProfile } from './repo';

export const settingHandlers: HandlersFor<typeof settingChannels> = {
  'setting.get': (_input, ctx) => readProfile(ctx.db(), ctx.state.vault.settingName() ?? ''),

  'setting.update': (input, ctx) => {
    updateProfile(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    if (input.name) {
      const name = input.name;
      // The login screen shows the name from the settings file.
      ctx.after(() => ctx.state.vault.setSettingName(name));
    }
    return readProfile(ctx.db(), ctx.state.vault.settingName() ?? '');
  },

  'setting.staff': (_input, ctx) => ({ staff: listStaff(ctx.db()) }),

  'setting.policies': (_input, ctx) => {
    const today = londonDay(ctx.now());
    const policies = listPolicies(ctx.db(), today);
    return { policies, overdueCount: policies.filter((p) => p.overdue).length, today };
  },

  'setting.addPolicy': (input, ctx) => ({ id: addPolicy(ctx.db(), input, ctx.user.userId, ctx.nowIso()) }),

  'setting.reviewPolicy': (input, ctx) => {
    reviewPolicy(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    return { ok: true };
  },

  'setting.retirePolicy': (input, ctx) => {
    retirePolicy(ctx.db(), input.policyId, input.reason, ctx.user.userId, ctx.nowIso());
    return { ok: true };
  },
};
