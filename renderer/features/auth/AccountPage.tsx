import { Subtitle1, Text } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { ROLE_LABELS } from '../../../shared/contract/define';
import { Page } from '../../ui/Page';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage({ session }: { session: Session }) {
  return (
    <Page title="My account">
      <Text>
        {session.fullName} ({session.username}) · {session.roles.map((r) => ROLE_LABELS[r]).join(', ')}
      </Text>
      <Subtitle1 as="h2">Change my password</Subtitle1>
      <ChangePasswordForm session={session} onChanged={() => undefined} />
    </Page>
  );
}
