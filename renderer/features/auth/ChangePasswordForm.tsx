import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import type { Session } from '../../../shared/contract/auth';
import { suggestPassword } from '../../../shared/domain/words';
import { useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' } });

// The contract's rules plus a typed-twice check that only the screen needs.
const schema = contract['auth.changePassword'].input
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords are not the same.' });

export function ChangePasswordForm({ session, onChanged }: { session: Session; onChanged: (s: Session) => void }) {
  const s = useStyles();
  const change = useChannelMutation('auth.changePassword', []);
  const form = useContractForm(schema, { currentPassword: '', newPassword: '', confirmPassword: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [suggested, setSuggested] = useState<string | null>(null);
  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    setDone(false);
    try {
      const next = await change.mutateAsync({ currentPassword: session.viaRecoveryKey ? undefined : currentPassword, newPassword });
      form.reset();
      setDone(true);
      onChanged(next);
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  return (
    <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate>
      {!session.viaRecoveryKey && (
        <TextField form={form} name="currentPassword" label={session.mustChangePassword ? 'The password you were given' : 'Current password'} type="password" autoComplete="current-password" required />
      )}
      <TextField form={form} name="newPassword" label="New password" type="password" hint="At least 12 characters. Three random words work well." autoComplete="new-password" required />
      <TextField form={form} name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required />
      <Button
        type="button"
        onClick={() => {
          const words = suggestPassword();
          form.setValue('newPassword', words, { shouldValidate: true });
          form.setValue('confirmPassword', words, { shouldValidate: true });
          setSuggested(words);
        }}
      >
        Suggest three random words
      </Button>
      {suggested && (
        <MessageBar intent="info">
          <MessageBarBody>
            Suggested password: <strong data-testid="suggested-password">{suggested}</strong>. Learn it before you continue; do not write it on the laptop.
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
      {done && <span role="status">Your password has been changed.</span>}
      <Button appearance="primary" type="submit" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
