import { meetingsChannels } from '../../../shared/contract/meetings';
import { useChannelMutation } from '../../api';
import { FormDialog, TextAreaField } from '../../ui/fields';
import { useContractForm, useFormSubmit } from '../../ui/forms';

/** Cancels a booked meeting; the reason stays with it. */
export function CancelMeetingDialog({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const cancel = useChannelMutation('meetings.cancel', ['meetings']);
  const form = useContractForm(meetingsChannels['meetings.cancel'].input, { meetingId, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => cancel.mutateAsync(v), onClose);
  return (
    <FormDialog title="Cancel the meeting" submitLabel="Cancel the meeting" cancelLabel="Keep the meeting" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextAreaField form={form} name="reason" label="Why it is cancelled" hint="For example: mum is unwell; to rebook next week." required />
    </FormDialog>
  );
}
