import { Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { invoke, setStepUpPrompt } from '../../api';
import { FormDialog } from '../../ui/fields';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';

/**
 * Issue 18: the core refuses concerns and chronologies with `step-up-needed` when the password was
 * last typed longer ago than the setting allows. This asks for it; the refused read is tried again
 * (renderer/api.ts). Cancelling leaves the screen's own message ("type your password again").
 */
export function StepUpPrompt({ session }: { session: Session }) {
  const [open, setOpen] = useState(false);
  const answer = useRef<((confirmed: boolean) => void) | null>(null);

  useEffect(() => {
    setStepUpPrompt(
      () =>
        new Promise<boolean>((resolve) => {
          answer.current = resolve;
          setOpen(true);
        }),
    );
    return () => setStepUpPrompt(null);
  }, []);

  const finish = (confirmed: boolean) => {
    setOpen(false);
    answer.current?.(confirmed);
    answer.current = null;
  };
  return open ? <StepUpDialog session={session} onDone={finish} /> : null;
}

function StepUpDialog({ session, onDone }: { session: Session; onDone: (confirmed: boolean) => void }) {
  const form = useContractForm(contract['auth.confirm'].input, { password: '' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      await invoke('auth.confirm', values);
      onDone(true);
    } catch (e) {
      setError(applyServerError(form, e));
      form.setValue('password', '');
    } finally {
      setPending(false);
    }
  });
  return (
    <FormDialog title="Type your password again" submitLabel="Open" onSubmit={withErrorFocus(submit)} onClose={() => onDone(false)} pending={pending} error={error}>
      <Text>Concerns and chronologies are the most sensitive records in TwoWay, so {session.fullName} is asked for their password again before they open.</Text>
      <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" autoFocus required />
    </FormDialog>
  );
}
