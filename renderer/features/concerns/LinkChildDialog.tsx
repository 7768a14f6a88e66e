import { Text } from '@fluentui/react-components';
import { z } from 'zod';
import { concernsChannels, LINKED_CHILD_RELATION_LABELS, LINKED_CHILD_RELATIONS } from '../../../shared/contract/concerns';
import { childDisplayName } from '../../../shared/domain/names';
import { useChannel, useChannelMutation } from '../../api';
import { FormDialog, SelectField } from '../../ui/fields';
import { useContractForm, useFormSubmit } from '../../ui/forms';

/** One child at a time, from the form's single choice. */
const linkOneSchema = concernsChannels['concerns.linkChildren'].input.shape.children.element.extend({ childId: z.string({ error: 'Choose a child.' }).min(1, 'Choose a child.') });

/**
 * Names another child involved in a concern (issue 18): a link is added beside the concern, which
 * stays as it was recorded. The child's chronology then shows the concern.
 */
export function LinkChildDialog({ concernId, exclude, onClose }: { concernId: string; exclude: string[]; onClose: () => void }) {
  const children = useChannel('children.list', {});
  const link = useChannelMutation('concerns.linkChildren');
  const form = useContractForm(linkOneSchema, { childId: '', relation: 'involved' });
  const { submit, error } = useFormSubmit(form, (v) => link.mutateAsync({ concernId, children: [v] }), onClose);
  const options = (children.data?.children ?? []).filter((c) => !exclude.includes(c.id)).map((c) => ({ value: c.id, label: `${childDisplayName(c)}${c.room ? ` (${c.room})` : ''}` }));
  return (
    <FormDialog title="Name another child involved" submitLabel="Name the child" onSubmit={submit} onClose={onClose} pending={link.isPending} error={error}>
      <Text>The concern stays as it was recorded; the child is named beside it, and their chronology will show it.</Text>
      <SelectField form={form} name="childId" label="Child" required options={options} emptyLabel="Choose a child" />
      <SelectField
        form={form}
        name="relation"
        label="How they are involved"
        hint="A brother or sister is of the same family, so a printed chronology may name them. Any other child appears there only as “another child”."
        required
        options={LINKED_CHILD_RELATIONS.map((r) => ({ value: r, label: LINKED_CHILD_RELATION_LABELS[r] }))}
      />
    </FormDialog>
  );
}
