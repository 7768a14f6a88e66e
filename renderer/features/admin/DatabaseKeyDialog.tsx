import { Field, ProgressBar, Text } from '@fluentui/react-components';
import { contract, type OutputOf } from '../../../shared/contract/index';
import { useChannelMutation } from '../../api';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { FormDialog } from '../../ui/fields';

/**
 * "Change the database key": every record is re-encrypted under a new key that only today's
 * accounts and the recovery key open. Offered on its own and straight after a deactivation.
 * The change is one call that blocks the core while it runs, so the bar cannot count pages:
 * it shows that work is under way and says how long a large setting takes (docs/PERFORMANCE.md).
 */
export function DatabaseKeyDialog({
  deactivatedName,
  onClose,
  onChanged,
}: {
  deactivatedName?: string;
  onClose: () => void;
  onChanged: (result: OutputOf<'users.changeDatabaseKey'>) => void;
}) {
  const change = useChannelMutation('users.changeDatabaseKey');
  const form = useContractForm(contract['users.changeDatabaseKey'].input, { password: '' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      try {
        onChanged(await change.mutateAsync(v));
      } catch (e) {
        // The one field is the one to correct (a wrong password): back to it once the form shows the error.
        setTimeout(() => form.setFocus('password', { shouldSelect: true }));
        throw e;
      }
    },
    () => undefined,
  );
  return (
    <FormDialog
      title={deactivatedName ? `${deactivatedName} is deactivated. Change the database key too?` : 'Change the database key'}
      submitLabel={change.isPending ? 'Changing the key…' : 'Change the key'}
      onSubmit={submit}
      onClose={change.isPending ? () => undefined : onClose}
      pending={change.isPending}
      error={error}
    >
      {deactivatedName && (
        <Text>
          {deactivatedName} can no longer log in. If they might have kept a copy of TwoWay’s files (an old backup, or a copy of the
          settings file), change the database key: their password will then open nothing, even with such a copy.
        </Text>
      )}
      <Text>
        TwoWay re-encrypts every record under a new key. Afterwards only the people who can log in today, and the printed recovery
        key, open the records. Everyone keeps their password, and the recovery key stays the same.
      </Text>
      <Text>
        It takes up to a minute on a large setting, and TwoWay may look frozen until it has finished (Windows may say it is not
        responding): please wait. If the laptop is turned off part way, nothing is lost: log in again and TwoWay finishes or undoes
        the change.
      </Text>
      <TextField form={form} name="password" label="Your password" type="password" autoComplete="current-password" hint="To confirm it is you." required />
      {change.isPending && (
        <Field validationMessage="Re-encrypting every record. Please wait and do not close TwoWay." validationState="none">
          <ProgressBar aria-label="Changing the database key" />
        </Field>
      )}
    </FormDialog>
  );
}
