import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { contract } from '../../../shared/contract/index';
import { useChannel, useChannelMutation } from '../../api';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { RecoveryKeyView } from '../setup/RecoveryKeyView';

const useStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' } });

/**
 * A new recovery key (the printed sheet was lost, or someone who saw it has left): the old key stops
 * opening this laptop's records at once. Backups made before still open with the old key, so keep the
 * old sheet until those backups are gone.
 */
export function RecoveryKeySection() {
  const s = useStyles();
  const rotate = useChannelMutation('users.rotateRecoveryKey', []);
  const settings = useChannel('settings.get');
  const [key, setKey] = useState<string | null>(null);
  const form = useContractForm(contract['users.rotateRecoveryKey'].input, { password: '' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => setKey((await rotate.mutateAsync(v)).recoveryKey),
    () => form.reset({ password: '' }),
  );
  return (
    <section className={s.section} aria-labelledby="recovery-key">
      <Subtitle2 as="h2" id="recovery-key">
        Recovery key
      </Subtitle2>
      <Text>
        Make a new recovery key if the sheet is lost or someone who saw it has left. The old key stops working on this laptop at once;
        backups made before today still open with the old key, so keep the old sheet as long as you keep those backups.
      </Text>
      {key ? (
        <RecoveryKeyView recoveryKey={key} settingName={settings.data?.settingName ?? ''} />
      ) : (
        <form className={s.section} onSubmit={submit} noValidate aria-label="Make a new recovery key">
          <TextField form={form} name="password" label="Your password" type="password" autoComplete="current-password" hint="To confirm it is you." required />
          {error && <Text role="alert">{error}</Text>}
          <div>
            <Button type="submit" disabled={rotate.isPending}>
              {rotate.isPending ? 'Making a new key…' : 'Make a new recovery key'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
