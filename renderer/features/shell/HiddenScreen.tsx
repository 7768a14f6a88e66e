import { Button, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { EyeOffRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';

/** Set on <body> while hidden: screen.css hides dialogs and popups, which live in their own portals outside the app's root. */
const HIDDEN_BODY_CLASS = 'twoway-screen-hidden';

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 2147483647,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  form: { width: '380px', maxWidth: '90vw', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * Covers the whole window while the screen is hidden (issue 12). What is under it stays mounted (an
 * unsaved form keeps its typing) but is invisible and out of reach of screen readers and the keyboard:
 * the app puts the shell under `ScreenUnder` and screen.css hides every portal. The core refuses
 * records meanwhile, so a reloaded window shows this again. Only the logged-in user's password shows
 * the screen again.
 */
export function HiddenScreen({ session, onShown, onSomeoneElse }: { session: Session; onShown: (s: Session) => void; onSomeoneElse: () => void }) {
  const s = useStyles();
  const unhide = useChannelMutation('auth.unhide', []);
  const form = useContractForm(contract['auth.unhide'].input, { password: '' });
  const [error, setError] = useState<string | null>(null);

  useLayoutEffect(() => {
    document.body.classList.add(HIDDEN_BODY_CLASS);
    return () => document.body.classList.remove(HIDDEN_BODY_CLASS);
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onShown(await unhide.mutateAsync(values));
    } catch (e) {
      setError(applyServerError(form, e));
      form.setValue('password', '');
    }
  });

  return (
    <div className={s.overlay}>
      <form className={s.form} onSubmit={withErrorFocus(submit)} noValidate aria-labelledby="hide-title">
        <Title2 as="h1" id="hide-title" className={s.title}>
          <EyeOffRegular /> The screen is hidden
        </Title2>
        <Text>Type {session.fullName}’s password to show the screen again, just as it was.</Text>
        <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" autoFocus required />
        <ErrorBar error={error} />
        <Button appearance="primary" type="submit" disabled={unhide.isPending}>
          {unhide.isPending ? 'Checking…' : 'Show the screen'}
        </Button>
        <Button appearance="secondary" type="button" onClick={onSomeoneElse}>
          Log in as someone else
        </Button>
      </form>
    </div>
  );
}

/** What is under the overlay: kept as it is, but not shown, not read out and not reachable with the keyboard. */
export function ScreenUnder({ hidden, children }: { hidden: boolean; children: ReactNode }) {
  return (
    <div inert={hidden} aria-hidden={hidden || undefined} style={hidden ? { visibility: 'hidden' } : undefined} data-testid="screen-under">
      {children}
    </div>
  );
}
