import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Switch, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/contract/define';
import type { InputOf } from '../../../shared/contract/index';
import { ELIGIBLE_AUTHORISER_ROLES } from '../../../shared/contract/sharing-policy';
import { useChannel, useChannelMutation } from '../../api';
import { GroupField } from '../../ui/fields';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '46em' },
  roles: { display: 'flex', flexDirection: 'column' },
  names: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Value = InputOf<'sharing.setPolicy'>;
type Eligible = (typeof ELIGIBLE_AUTHORISER_ROLES)[number];

/** When a second person is needed: the three ways a setting's own policy can put it. */
const WHEN = {
  'without-consent': {
    label: 'When sharing without consent (our information sharing policy: “The decision should never be made as an individual, but with the back-up of the management team”)',
    flags: { authorisationForAllConfidential: false, authorisationForAllShares: false, overrideOnlyForChildProtection: false },
  },
  confidential: {
    label: 'For every decision to share confidential information',
    flags: { authorisationForAllConfidential: true, authorisationForAllShares: false, overrideOnlyForChildProtection: false },
  },
  school: {
    label:
      'For every decision to share, as in a school’s guidance: “All decisions to share information should be authorized by either the head teacher or the SENCO”, and a refusal is overridden only to protect a child',
    flags: { authorisationForAllConfidential: true, authorisationForAllShares: true, overrideOnlyForChildProtection: true },
  },
} as const;
type When = keyof typeof WHEN;

function whenOf(v: Value): When {
  if (v.authorisationForAllShares) return 'school';
  return v.authorisationForAllConfidential ? 'confidential' : 'without-consent';
}

/**
 * `#/sharing/policy`: who authorises, and when (our information sharing policy by default; a school's
 * guidance one choice away). Only the DSL or a manager sees this (the contract's roles).
 */
export function PolicyView() {
  const s = useStyles();
  const policy = useChannel('sharing.policy');
  const save = useChannelMutation('sharing.setPolicy', ['sharing']);
  const [value, setValue] = useState<Value | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!policy.data) return;
    const eligible = policy.data.authorisingRoles.filter((r): r is Eligible => (ELIGIBLE_AUTHORISER_ROLES as readonly string[]).includes(r));
    setValue({
      ...policy.data,
      authorisingRoles: eligible,
      authorisationForAllShares: policy.data.authorisationForAllShares ?? false,
      overrideOnlyForChildProtection: policy.data.overrideOnlyForChildProtection ?? false,
    });
  }, [policy.data]);
  if (policy.isPending || !value) return <Loading />;
  if (policy.error) return <ErrorBar error={policy.error} />;
  const toggle = (role: Eligible, on: boolean) =>
    setValue({ ...value, authorisingRoles: on ? [...value.authorisingRoles, role] : value.authorisingRoles.filter((r) => r !== role) });
  const name = (role: Eligible, text: string) => setValue({ ...value, roleNames: { ...value.roleNames, [role]: text } });
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
      <GroupField
        label="Who may authorise a decision to share"
        hint="The second person who backs up a decision: only the DSL, a manager or the SENCO. They can never be the person who made it."
      >
        <div className={s.roles}>
          {ELIGIBLE_AUTHORISER_ROLES.map((r) => (
            <Checkbox key={r} label={ROLE_LABELS[r]} checked={value.authorisingRoles.includes(r)} onChange={(_e, d) => toggle(r, d.checked === true)} />
          ))}
        </div>
      </GroupField>
      <Field label="When is a second person needed?">
        <RadioGroup value={whenOf(value)} onChange={(_e, d) => setValue({ ...value, ...WHEN[d.value as When].flags })}>
          {(Object.keys(WHEN) as When[]).map((w) => (
            <Radio key={w} value={w} label={WHEN[w].label} />
          ))}
        </RadioGroup>
      </Field>
      <GroupField label="What your setting calls these roles (optional)" hint="For example, “head teacher” for the manager. Used when the screens say who must agree.">
        <div className={s.names}>
          {ELIGIBLE_AUTHORISER_ROLES.map((r) => (
            <Field key={r} label={ROLE_LABELS[r]}>
              <Input value={value.roleNames?.[r] ?? ''} onChange={(_e, d) => name(r, d.value)} maxLength={60} />
            </Field>
          ))}
        </div>
      </GroupField>
      <Switch
        label="Practitioners may propose a share (it always waits for a second person)"
        checked={value.practitionersMayPropose}
        onChange={(_e, d) => setValue({ ...value, practitionersMayPropose: d.checked })}
      />
      <Text size={200}>Anyone who may start the questions may always record a decision not to share, with the reasons.</Text>
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
