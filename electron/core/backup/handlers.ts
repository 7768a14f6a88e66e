import { existsSync, statSync } from 'node:fs';
import type { backupChannels } from '../../../shared/contract/backup';
import { TwoWayError } from '../../../shared/contract/errors';
import type { NewAuditEntry } from '../audit/log';
import { recordAtNextLogin } from '../audit/refusals';
import type { CallContext, HandlersFor } from '../context';
import { assertIdle, currentJob, exclusive } from './progress';
import { lastGoodBackup, readBackupSettings, writeBackupSettings } from './repo';
import { prepareCopy, swapIn, undoAvailable, undoRestore } from './restore';
import { autoBackupProblem, backUp } from './run';
import { unlockBackupFile, verifyBackup } from './verify';
import type { BackupUnlock } from '../../../shared/contract/backup';

const DAY = 24 * 60 * 60 * 1000;

export const backupHandlers: HandlersFor<typeof backupChannels> = {
  'backup.status': (_input, ctx) => {
    const db = ctx.db();
    const settings = readBackupSettings(db);
    const last = lastGoodBackup(db);
    return {
      settings,
      last: last && { file: last.file, createdAt: last.createdAt, createdBy: last.createdBy },
      warning: warningFor(ctx, settings.folder, settings.warnAfterDays, last?.createdAt ?? null),
      running: currentJob(ctx.state),
      undo: undoAvailable(ctx.state.dataDir),
      canChoose: Boolean(ctx.state.platform.chooseFolder),
    };
  },

  'backup.setSettings': (input, ctx) => {
    if (!isFolder(input.folder)) {
      throw new TwoWayError('invalid-input', 'That folder cannot be found.', {
        issues: [{ path: ['folder'], message: 'That folder cannot be found. If it is on a USB stick, plug it in first.' }],
      });
    }
    writeBackupSettings(ctx.db(), input);
    return { ok: true };
  },

  'backup.chooseFolder': async (_input, ctx) => {
    const choose = ctx.state.platform.chooseFolder;
    if (!choose) throw new TwoWayError('unavailable', 'Choosing a folder works in the TwoWay desktop app. Type the folder’s full name instead.');
    return { folder: await choose({ title: 'Choose the folder for backups' }) };
  },

  'backup.chooseFile': async (_input, ctx) => {
    const choose = ctx.state.platform.chooseBackupFile;
    if (!choose) throw new TwoWayError('unavailable', 'Choosing a file works in the TwoWay desktop app. Type the backup file’s full name instead.');
    return { file: await choose() };
  },

  'backup.create': async (input, ctx) => {
    const { file, id } = await backUp(ctx.state, { folder: input?.folder, userId: ctx.user.userId, detach: (fn) => ctx.whileOthersRun(fn) });
    if (id) ctx.touch(`backup:${id}`);
    return { file };
  },

  'backup.verify': async (input, ctx) => {
    const key = ctx.state.currentKey();
    try {
      return await exclusive(ctx.state, 'verify', () => ctx.whileOthersRun(() => verifyBackup(ctx.state, input.file, key)));
    } finally {
      key.fill(0);
    }
  },

  'backup.inspect': (input, ctx) => inspect(ctx, input.file, input.unlock),
  'setup.inspectBackup': (input, ctx) => {
    assertNewLaptop(ctx);
    return inspect(ctx, input.file, input.unlock);
  },

  'backup.restore': (input, ctx) => restore(ctx, input.file, input.unlock, ctx.user.userId),
  'setup.restoreBackup': (input, ctx) => {
    assertNewLaptop(ctx);
    return restore(ctx, input.file, input.unlock, null);
  },

  'backup.undoRestore': (_input, ctx) => {
    assertIdle(ctx.state);
    const userId = ctx.user.userId;
    undoRestore(ctx.state, entry(ctx, 'backup.undoRestore', userId));
    recordAtNextLogin(ctx.state, entry(ctx, 'backup.undoRestore', userId));
    return { ok: true };
  },

  'users.rotateRecoveryKey': async (input, ctx) => {
    if (!(await ctx.state.vault.passwordMatches(ctx.user.username, input.password))) {
      throw new TwoWayError('wrong-credentials', 'That is not your password. Nothing was changed.', {
        issues: [{ path: ['password'], message: 'This is not your password.' }],
      });
    }
    const key = ctx.state.currentKey();
    try {
      return { recoveryKey: await ctx.state.vault.rotateRecoveryKey(key) };
    } finally {
      key.fill(0);
    }
  },
};

function entry(ctx: CallContext, channel: string, userId: string | null): NewAuditEntry {
  return { at: ctx.nowIso(), userId, channel, kind: 'write', recordIds: [] };
}

async function inspect(ctx: CallContext, file: string, unlock: BackupUnlock) {
  const unlocked = await ctx.whileOthersRun(() => unlockBackupFile(ctx.state, file, unlock, 'restore'));
  unlocked.key.fill(0);
  return unlocked.summary;
}

/** A restore: checked and migrated beside the records first (nothing changes if anything is wrong), then swapped in; TwoWay locks. */
async function restore(ctx: CallContext, file: string, unlock: BackupUnlock, userId: string | null) {
  const state = ctx.state;
  return exclusive(state, 'restore', async () => {
    const unlocked = await ctx.whileOthersRun(() => unlockBackupFile(state, file, unlock, 'restore'));
    try {
      const versions = await ctx.whileOthersRun(() => prepareCopy(state, file, unlocked));
      if (userId && state.session?.userId !== userId) throw new TwoWayError('not-logged-in', 'TwoWay was locked before the restore finished. Nothing has been changed. Log in and try again.');
      swapIn(state, unlocked.manifest.slots, unlocked.summary.settingName, file, entry(ctx, 'backup.restore', userId));
      recordAtNextLogin(state, entry(ctx, 'backup.restore', userId));
      return { summary: unlocked.summary, migratedFrom: versions.from, migratedTo: versions.to };
    } finally {
      unlocked.key.fill(0);
    }
  });
}

function assertNewLaptop(ctx: CallContext): void {
  if (ctx.state.vault.isSetUp()) {
    throw new TwoWayError('already-set-up', 'TwoWay is already set up on this computer. To restore a backup, log in as an administrator and go to Admin, Backups.');
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function warningFor(ctx: CallContext, folder: string | null, warnAfterDays: number, lastAt: string | null): string | null {
  if (!folder) return 'No backup folder has been chosen, so the records are not being backed up. Choose one under Admin, Backups.';
  if (!existsSync(folder)) return `The backup folder (${folder}) cannot be found. If it is on a USB stick, plug it in.`;
  const problem = autoBackupProblem(ctx.state);
  if (problem) return `The last automatic backup failed. ${problem}`;
  if (!lastAt) return 'The records have not been backed up yet. Use “Back up now” under Admin, Backups.';
  const days = Math.floor((ctx.now().getTime() - Date.parse(lastAt)) / DAY);
  if (days >= warnAfterDays) return `The last good backup was made ${days} days ago. Back up now under Admin, Backups.`;
  return null;
}
