import { Button, Card, CardHeader, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract, type OutputOf } from '../../../shared/contract/index';
import { STAFF_NAME_POLICIES, STAFF_NAME_POLICY_LABELS, type staffNamePolicySchema } from '../../../shared/contract/retention';
import type { z } from 'zod';
import { formatDateTime } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { FormDialog, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type Rule = OutputOf<'retention.rules'>['rules'][number];

/** How long each kind of record is kept, why the default is what it is, and the manager's changes. */
export function RulesView({ session }: { session: Session }) {
  const s = useStyles();
  const rules = useChannel('retention.rules');
  const setStaffNames = useChannelMutation('retention.setStaffNames');
  const [editing, setEditing] = useState<Rule | null>(null);
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ErrorBar error={rules.error} />;
  const manager = can(session, 'retention.setRule');
  return (
    <div className={s.list}>
      {rules.data.rules.map((r) => (
        <Card key={r.type} aria-label={r.label}>
          <CardHeader header={<Text weight="semibold">{r.label}</Text>} description={<Text size={200}>{r.covers}</Text>} action={manager && r.changeable ? <Button onClick={() => setEditing(r)}>Change</Button> : undefined} />
          <Text>
            Kept <strong>{r.ruleText}</strong>.
          </Text>
          <Text size={200}>
            Why {r.changed ? `the default (${r.defaultText})` : 'this is the default'}: {r.reason}
          </Text>
          {r.changed && (
            <Text size={200}>
              Changed by {r.changed.by} on {formatDateTime(r.changed.at)}: {r.changed.reason}
            </Text>
          )}
        </Card>
      ))}
      <Field label="Staff names in a subject access export" hint="Staff act in their work role, so many settings release their names; others review each one.">
        <Select
          value={rules.data.staffNames}
          disabled={!manager || setStaffNames.isPending}
          onChange={(_e, d) => setStaffNames.mutate({ staffNames: d.value as z.infer<typeof staffNamePolicySchema> })}
        >
          {STAFF_NAME_POLICIES.map((p) => (
            <option key={p} value={p}>
              {STAFF_NAME_POLICY_LABELS[p]}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={setStaffNames.error} />
      {editing && <RuleDialog rule={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function RuleDialog({ rule, onClose }: { rule: Rule; onClose: () => void }) {
  const s = useStyles();
  const setRule = useChannelMutation('retention.setRule');
  const current = rule.rule.kind === 'with-records' ? { kind: 'after-leaving' as const, years: 3, months: 0 } : rule.rule;
  const form = useContractForm(contract['retention.setRule'].input, { type: rule.type, rule: current, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => setRule.mutateAsync(v), onClose);
  return (
    <FormDialog title={`How long to keep ${rule.label.toLowerCase()}`} submitLabel="Save the rule" onSubmit={submit} onClose={onClose} pending={setRule.isPending} error={error}>
      <Text size={200}>Default: {rule.defaultText}. {rule.reason}</Text>
      <SelectField
        form={form}
        name="rule.kind"
        label="Counted from"
        options={[
          { value: 'after-leaving', label: 'The day the child leaves' },
          { value: 'after-birth', label: 'The child’s date of birth' },
        ]}
      />
      <div className={s.row}>
        <TextField form={form} name="rule.years" label="Years" type="number" min={0} max={100} required />
        <TextField form={form} name="rule.months" label="Months" type="number" min={0} max={11} required />
      </div>
      <TextAreaField form={form} name="reason" label="Why it is changed" required />
    </FormDialog>
  );
}
