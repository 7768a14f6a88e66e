import { Button, Card, makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { ChangePasswordForm } from './ChangePasswordForm';

const useStyles = makeStyles({
  wrap: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXXL },
  card: { width: '480px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** First login, a reset, or the recovery key: nothing else opens until the user has their own password. */
export function ForcedPasswordChange({ session, onChanged, onLock }: { session: Session; onChanged: (s: Session) => void; onLock: () => void }) {
  const s = useStyles();
  return (
    <main className={s.wrap}>
      <Card className={s.card}>
        <Title1 as="h1">Choose your own password</Title1>
        <Text>
          {session.viaRecoveryKey
            ? `You unlocked TwoWay with the recovery key. ${session.fullName}, choose a new password for your account.`
            : `Welcome, ${session.fullName}. The password you were given was only for your first login: choose one that only you know.`}
        </Text>
        <ChangePasswordForm session={session} onChanged={onChanged} />
        <Button appearance="subtle" onClick={onLock}>
          Not now: lock TwoWay
        </Button>
      </Card>
    </main>
  );
}
