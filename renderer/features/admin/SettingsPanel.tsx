import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useController, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import type { Settings } from '../../../shared/contract/settings';
import { useChannel, useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' } });

/**
 * A whole number, controlled: Fluent's Input keeps its own value, so a value registered on the
 * element (react-hook-form's `register`) is never shown: the saved minutes and months loaded blank.
 */
type NumberName = 'idleLockMinutes' | 'contactCheckMonths' | 'stepUpMinutes';

function NumberField({ form, name, label, hint }: { form: UseFormReturn<SettingsInput, unknown, FieldValues>; name: NumberName; label: string; hint: string }) {
  const { field, fieldState } = useController({ control: form.control, name });
  const err = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} validationMessage={err} validationState={err ? 'error' : 'none'}>
      <Input
        type="number"
        ref={field.ref}
        name={field.name}
        value={typeof field.value === 'number' && Number.isFinite(field.value) ? String(field.value) : ''}
        onChange={(_e, d) => field.onChange(d.value.trim() === '' ? Number.NaN : Number(d.value))}
        onBlur={field.onBlur}
      />
    </Field>
  );
}

type SettingsInput = z.input<(typeof contract)['settings.update']['input']>;

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
  const numberField = (name: NumberName, label: string, hint: string) => <NumberField form={form} name={name} label={label} hint={hint} />;
  return (
    <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate>
      <TextField form={form} name="settingName" label="Name of the setting" hint="Shown on the login screen and on every printed page." required />
      {numberField('idleLockMinutes', 'Lock after this many minutes without use', 'The laptop is shared: 5 minutes is a sensible default.')}
      {numberField('contactCheckMonths', 'Ask parents to check emergency contacts after this many months', 'Contacts not checked for longer are flagged.')}
      {numberField('stepUpMinutes', 'Ask for the password again before opening concerns after this many minutes', 'The safeguarding area asks again when the password was last typed longer ago than this: 15 minutes is usual.')}
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
