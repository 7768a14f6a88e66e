import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { contract } from '../../../shared/contract/index';
import type { Settings } from '../../../shared/contract/settings';
import { useChannel, useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { NumberField } from '../../ui/fields';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' } });


export function SettingsPanel() {
  const settings = useChannel('settings.get');
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorBar error={settings.error} />;
  return <SettingsForm settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const s = useStyles();
  const update = useChannelMutation('settings.update', ['settings', 'auth', 'setup']);
  const form = useContractForm(contract['settings.update'].input, settings);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      form.reset(await update.mutateAsync(values));
      setSaved(true);
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  const numberField = (name: 'idleLockMinutes' | 'contactCheckMonths', label: string, hint: string) => <NumberField form={form} name={name} label={label} hint={hint} />;
  return (
    <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate>
      <TextField form={form} name="settingName" label="Name of the setting" hint="Shown on the login screen and on every printed page." required />
      {numberField('idleLockMinutes', 'Lock after this many minutes without use', 'The laptop is shared: 5 minutes is a sensible default.')}
      {numberField('contactCheckMonths', 'Ask parents to check emergency contacts after this many months', 'Contacts not checked for longer are flagged.')}
      <ErrorBar error={error} />
      {saved && <Text role="status">Settings saved.</Text>}
      <div>
        <Button appearance="primary" type="submit" disabled={update.isPending || !form.formState.isDirty}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
