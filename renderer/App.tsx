import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../shared/contract/auth';
import type { OutputOf } from '../shared/contract/index';
import { invoke, onLocked, onScreenHidden, useChannel } from './api';
import { ForcedPasswordChange } from './features/auth/ForcedPasswordChange';
import { LoginScreen } from './features/auth/LoginScreen';
import { SetupWizard } from './features/setup/SetupWizard';
import { AppShell } from './features/shell/AppShell';
import { HiddenScreen, ScreenUnder } from './features/shell/HiddenScreen';
import { StepUpPrompt } from './features/shell/StepUpPrompt';
import { useEscTwice } from './features/shell/useEscTwice';
import { useIdleLock } from './features/shell/useIdleLock';
import { navigate } from './router';
import { ErrorBar, Loading } from './ui/Page';

/** First run -> setup; locked -> login; initial password -> change it; otherwise the app. */
export function App() {
  const client = useQueryClient();
  const status = useChannel('setup.status');
  const session = useChannel('auth.session', undefined, { enabled: status.data?.isSetUp === true });

  // A new session (or none) drops every cached record from memory, so the next person sees nothing of the last.
  const switchSession = useCallback(
    (next: Session | null) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup.status' && q.queryKey[0] !== 'auth.session' });
      client.setQueryData(['auth.session', null], { session: next });
      navigate('/home');
    },
    [client],
  );
  const showLogin = useCallback(() => switchSession(null), [switchSession]);

  const lock = useCallback(() => {
    void invoke('auth.lock').finally(showLogin);
  }, [showLogin]);

  useEffect(() => onLocked(showLogin), [showLogin]);
  const current = session.data?.session ?? null;
  useIdleLock(current?.idleLockMinutes ?? null, lock, current?.hidden === true);

  // Hide screen (issue 12): the overlay is drawn in this same render, before the core is even told.
  const showHidden = useCallback(() => {
    const now = client.getQueryData<OutputOf<'auth.session'>>(['auth.session', null])?.session;
    if (now && !now.hidden) client.setQueryData(['auth.session', null], { session: { ...now, hidden: true } });
  }, [client]);
  const hide = useCallback(() => {
    showHidden();
    // Refused only when TwoWay is already locked, and then the login screen replaces the overlay anyway.
    void invoke('auth.hide').catch(() => undefined);
  }, [showHidden]);
  useEffect(() => onScreenHidden(showHidden), [showHidden]);
  const shown = useCallback(
    (next: Session) => {
      client.setQueryData(['auth.session', null], { session: next });
      // Reads refused while hidden (a refresh that came just after hiding) are fetched again.
      void client.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
    },
    [client],
  );
  useEscTwice(current !== null && !current.hidden && !current.mustChangePassword, hide);

  const loggedIn = (s: Session) => {
    switchSession(s);
    // After getting back in with the recovery key, the settings file is whole again (and has the setting's name).
    if (status.data?.recoveryNeeded) void status.refetch();
  };

  if (status.isPending) return <Loading label="Starting TwoWay…" />;
  if (status.error) return <ErrorBar error={status.error} title="TwoWay could not start." />;
  if (!status.data.isSetUp) return <SetupWizard onDone={() => void status.refetch()} />;
  if (session.isPending) return <Loading />;
  if (!current) return <LoginScreen settingName={status.data.settingName} recoveryNeeded={status.data.recoveryNeeded} onLoggedIn={loggedIn} />;
  if (current.mustChangePassword) return <ForcedPasswordChange session={current} onChanged={loggedIn} onLock={lock} />;
  return <SignedIn key={current.userId} session={current} settingName={status.data.settingName ?? ''} onLock={lock} onHide={hide} onShown={shown} />;
}

function SignedIn(props: { session: Session; settingName: string; onLock: () => void; onHide: () => void; onShown: (s: Session) => void }) {
  const { session } = props;
  // The shell stays mounted under the overlay, so nothing typed is lost. A window opened (or reloaded)
  // already hidden has nothing to keep, so its shell waits: its reads would only be refused.
  const [shellMounted, setShellMounted] = useState(!session.hidden);
  const shown = (next: Session) => {
    setShellMounted(true);
    props.onShown(next);
  };
  return (
    <>
      {shellMounted && (
        <ScreenUnder hidden={session.hidden}>
          <AppShell session={session} settingName={props.settingName} onLock={props.onLock} onHide={props.onHide} />
          <StepUpPrompt session={session} />
        </ScreenUnder>
      )}
      {session.hidden && <HiddenScreen session={session} onShown={shown} onSomeoneElse={props.onLock} />}
    </>
  );
}
