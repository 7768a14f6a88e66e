import { Field, ProgressBar, Text } from '@fluentui/react-components';
import { BACKUP_COUNT_LABELS, type BackupCounts, type BackupSummary } from '../../../shared/contract/backup';
import type { OutputOf } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';

/** "12 children, 3,402 diary entries, …" in the order a manager reads them; none of a kind is left out (children always shown). */
export function countsInWords(counts: BackupCounts): string {
  return Object.entries(BACKUP_COUNT_LABELS)
    .filter(([table]) => counts[table] !== undefined && (counts[table] > 0 || table === 'children'))
    .map(([table, [one, many]]) => `${counts[table].toLocaleString('en-GB')} ${counts[table] === 1 ? one : many}`)
    .join(', ');
}

/** What a backup holds, shown before anything is restored. */
export function SummaryFacts({ summary }: { summary: BackupSummary }) {
  return (
    <dl aria-label="What the backup holds">
      <dt>Setting</dt>
      <dd>{summary.settingName}</dd>
      <dt>Made</dt>
      <dd>{formatDateTime(summary.createdAt)}</dd>
      <dt>Made by</dt>
      <dd>{summary.createdBy}</dd>
      <dt>Holds</dt>
      <dd>{countsInWords(summary.counts)}</dd>
    </dl>
  );
}

/** The bar for a backup, check or restore under way, fed by `backup.status` while it runs. */
export function JobProgress({ running, label }: { running: OutputOf<'backup.status'>['running'] | undefined; label: string }) {
  return (
    <Field validationMessage={running?.step ?? 'Starting…'} validationState="none">
      <ProgressBar aria-label={label} value={running ? running.fraction : undefined} max={1} />
      <Text size={200}>Please do not close TwoWay or unplug the backup folder until it has finished.</Text>
    </Field>
  );
}
