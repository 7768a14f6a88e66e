import { Button, Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Title1, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { contract } from '../../../shared/contract/index';
import type { Session } from '../../../shared/contract/auth';
import type { OutputOf } from '../../../shared/contract/index';
import { useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';

const useStyles = makeStyles({
  wrap: { display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: tokens.spacingVerticalXXXL, minHeight: '100vh', boxSizing: 'border-box' },
  card: { width: '420px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
});

type RecoveryNeeded = OutputOf<'setup.status'>['recoveryNeeded'];

/** Usernames are typed, never listed: before login only the setting's name is shown. */
export function LoginScreen({
  settingName,
  recoveryNeeded = null,
  onLoggedIn,
}: {
  settingName: string | null;
  recoveryNeeded?: RecoveryNeeded;
  onLoggedIn: (s: Session) => void;
}) {
  const s = useStyles();
  const [mode, setMode] = useState<'password' | 'recovery'>(recoveryNeeded ? 'recovery' : 'password');
  return (
    <main className={s.wrap}>
      <Card className={s.card}>
        <div className={s.brand}>
          <LockClosedRegular fontSize={28} />
          <Text weight="semibold">TwoWay</Text>
        </div>
        <Title1 as="h1">{settingName ?? 'TwoWay'}</Title1>
        {recoveryNeeded && <SettingsLost why={recoveryNeeded} />}
        {mode === 'password' ? (
          <PasswordLogin onLoggedIn={onLoggedIn} onRecovery={() => setMode('recovery')} />
        ) : (
          <RecoveryLogin onLoggedIn={onLoggedIn} onBack={recoveryNeeded ? undefined : () => setMode('password')} />
        )}
        <details>
          <summary>Restore from a backup</summary>
          <Text size={200}>
            The records on this laptop are replaced only by an administrator: log in (with a password, or with the recovery key if every
            administrator’s password is lost), then go to Admin, Backups, “Restore from a backup”. On a new laptop, the first screen
            offers it straight away.
          </Text>
        </details>
      </Card>
    </main>
  );
}

/** The records are here but the file holding the key slots is gone or damaged: passwords cannot work, the recovery key can. */
function SettingsLost({ why }: { why: NonNullable<RecoveryNeeded> }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{why === 'settings-damaged' ? 'TwoWay’s settings file is damaged' : 'TwoWay’s settings file is missing'}</MessageBarTitle>
        <div>
          Your records are safe on this laptop, but passwords cannot open them until an administrator unlocks TwoWay with the printed
          recovery key. Afterwards, give each member of staff a new first password in Admin, Staff accounts.
          {why === 'settings-damaged' && ' The damaged file is kept beside the records in case anyone needs to look at it.'}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function PasswordLogin({ onLoggedIn, onRecovery }: { onLoggedIn: (s: Session) => void; onRecovery: () => void }) {
  const s = useStyles();
  const login = useChannelMutation('auth.login');
  const form = useContractForm(contract['auth.login'].input, { username: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onLoggedIn(await login.mutateAsync(values));
    } catch (e) {
      setError(applyServerError(form, e));
      form.setValue('password', '');
    }
  });
  return (
    <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate>
      <Text>Log in as yourself: the laptop is shared, and what you do is recorded under your name.</Text>
      <TextField form={form} name="username" label="Username" autoComplete="username" autoFocus required />
      <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" required />
      <ErrorBar error={error} />
      <Button appearance="primary" type="submit" disabled={login.isPending}>
        {login.isPending ? 'Unlocking…' : 'Log in'}
      </Button>
      <Button appearance="transparent" type="button" onClick={onRecovery}>
        Every administrator has forgotten their password? Use the recovery key
      </Button>
    </form>
  );
}

function RecoveryLogin({ onLoggedIn, onBack }: { onLoggedIn: (s: Session) => void; onBack?: () => void }) {
  const s = useStyles();
  const login = useChannelMutation('auth.loginWithRecoveryKey');
  const form = useContractForm(contract['auth.loginWithRecoveryKey'].input, { recoveryKey: '', username: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onLoggedIn(await login.mutateAsync({ ...values, username: values.username || undefined }));
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  return (
    <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate>
      <Text>Type the key from the printed recovery sheet. The administrator you name will then choose a new password.</Text>
      <TextField form={form} name="recoveryKey" label="Recovery key" hint="Eight groups of four characters; dashes and spaces are optional." required />
      <TextField form={form} name="username" label="Administrator’s username" hint="Leave empty to use the first administrator." />
      <ErrorBar error={error} />
      <Button appearance="primary" type="submit" disabled={login.isPending}>
        {login.isPending ? 'Unlocking…' : 'Unlock with recovery key'}
      </Button>
      {onBack && (
        <Button appearance="transparent" type="button" onClick={onBack}>
          Back to log in with a password
        </Button>
      )}
    </form>
  );
}
