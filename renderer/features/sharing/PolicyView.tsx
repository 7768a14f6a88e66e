import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Switch, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/contract/define';
import type { SettingSharingPolicy } from '../../../shared/contract/sharing';
import { useChannel, useChannelMutation } from '../../api';
import { GroupField } from '../../ui/fields';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '46em' },
  roles: { display: 'flex', flexDirection: 'column' },
});

/** `#/sharing/policy`: who authorises, and when (seed 001 by default; seed 004 one switch away). */
export function PolicyView() {
  const s = useStyles();
  const policy = useChannel('sharing.policy');
  const save = useChannelMutation('sharing.setPolicy', ['sharing']);
  const [value, setValue] = useState<SettingSharingPolicy | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (policy.data) setValue(policy.data);
  }, [policy.data]);
  if (policy.isPending || !value) return <Loading />;
  if (policy.error) return <ErrorBar error={policy.error} />;
  const toggle = (role: Role, on: boolean) =>
    setValue({ ...value, authorisingRoles: on ? [...value.authorisingRoles, role] : value.authorisingRoles.filter((r) => r !== role) });
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.mutateAsync(value).then(() => setSaved(true));
      }}
    >
      {/* A group, not a Fluent Field: a Field gives every checkbox inside it the same id and label. */}
      <GroupField label="Who may authorise a decision to share" hint="The second person who backs up a decision. They can never be the person who made it.">
        <div className={s.roles}>
          {ROLES.map((r) => (
            <Checkbox key={r} label={ROLE_LABELS[r]} checked={value.authorisingRoles.includes(r)} onChange={(_e, d) => toggle(r, d.checked === true)} />
          ))}
        </div>
      </GroupField>
      <Switch
        label="Every decision to share confidential information needs a second person (not only sharing without consent)"
        checked={value.authorisationForAllConfidential}
        onChange={(_e, d) => setValue({ ...value, authorisationForAllConfidential: d.checked })}
      />
      <Text size={200}>
        Off: as in the partnership policy, a second person is needed when sharing without consent (“The decision should never be made as an individual, but with the
        back-up of the management team”). On: as in the school guidance, “All decisions to share information should be authorized by either the head teacher or the
        SENCO”.
      </Text>
      <Switch
        label="Practitioners may propose a share (it always waits for a second person)"
        checked={value.practitionersMayPropose}
        onChange={(_e, d) => setValue({ ...value, practitionersMayPropose: d.checked })}
      />
      <ErrorBar error={save.error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Saved. Decisions already recorded keep the policy they were made under.</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Save the policy
        </Button>
      </div>
    </form>
  );
}
