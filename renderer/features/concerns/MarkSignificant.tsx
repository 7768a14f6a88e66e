import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { concernsChannels } from '../../../shared/contract/concerns';
import { useChannelMutation } from '../../api';
import { href } from '../../router';
import { TextAreaField } from '../../ui/fields';
import { useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';

/**
 * For the DSL and managers, from a diary entry: puts it on the child's safeguarding chronology (an
 * accident that fits a pattern, something a parent said), with why it matters. The entry itself is
 * not changed; the chronology shows its current text.
 */
export function MarkSignificantForm({ entryId, childId, onDone }: { entryId: string; childId: string; onDone: () => void }) {
  const save = useChannelMutation('concerns.markDiarySignificant', ['concerns']);
  const [added, setAdded] = useState(false);
  const form = useContractForm(concernsChannels['concerns.markDiarySignificant'].input, { entryId, note: '' });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), () => setAdded(true));
  if (added) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          Added to the <a href={href(`/concerns/chronology/${childId}`)}>safeguarding chronology</a>.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Add to the safeguarding chronology">
      <Text weight="semibold">Add to the safeguarding chronology</Text>
      <TextAreaField form={form} name="note" label="Why it matters (optional)" rows={2} />
      <ErrorBar error={error} />
      <Button appearance="primary" type="submit" disabled={save.isPending}>
        Add it
      </Button>{' '}
      <Button onClick={onDone}>Cancel</Button>
    </form>
  );
}
