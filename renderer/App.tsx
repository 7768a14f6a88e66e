import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Session } from '../shared/contract/auth';
import { invoke, onLocked, useChannel } from './api';
import { ForcedPasswordChange } from './features/auth/ForcedPasswordChange';
import { LoginScreen } from './features/auth/LoginScreen';
import { SetupWizard } from './features/setup/SetupWizard';
import { AppShell } from './features/shell/AppShell';
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
  useIdleLock(current?.idleLockMinutes ?? null, lock);

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
  return <AppShell session={current} settingName={status.data.settingName ?? ''} onLock={lock} />;
}
