import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { TERM_LABELS, termsSaveSchema, type Term } from '../../../shared/contract/meetings';
import { useChannel, useChannelMutation } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  term: { display: 'grid', gridTemplateColumns: '8em 1fr 1fr', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** `#/meetings/terms`: the setting's term dates for a school year (the usual ones until changed). */
export function TermDates({ session }: { session: Session }) {
  const thisYear = useChannel('terms.list');
  const [year, setYear] = useState<number | null>(null);
  const chosen = year ?? thisYear.data?.schoolYear ?? null;
  const terms = useChannel('terms.list', { schoolYear: chosen ?? undefined }, { enabled: chosen !== null });
  return (
    <Page title="Term dates">
      <Text>
        <a href={href('/meetings')}>Back to the planner</a>
      </Text>
      <Text>
        The usual dates are the early years funding terms: autumn from 1 September, spring from 1 January, summer from 1 April. Change them
        if your terms differ; the planner lists each term’s meetings by these dates.
      </Text>
      <Field label="School year">
        <Select value={chosen === null ? '' : String(chosen)} onChange={(_e, d) => setYear(Number(d.value))}>
          {chosen !== null &&
            [chosen - 1, chosen, chosen + 1].map((y) => (
              <option key={y} value={y}>
                {y} to {y + 1}
              </option>
            ))}
        </Select>
      </Field>
      <ErrorBar error={terms.error} />
      {terms.data && chosen !== null ? <TermsForm key={chosen} schoolYear={chosen} terms={terms.data.terms} editable={can(session, 'terms.save')} /> : <Loading />}
    </Page>
  );
}

function TermsForm({ schoolYear, terms, editable }: { schoolYear: number; terms: Term[]; editable: boolean }) {
  const s = useStyles();
  const save = useChannelMutation('terms.save', ['terms', 'meetings']);
  const [saved, setSaved] = useState(false);
  const form = useContractForm(termsSaveSchema, { schoolYear, terms: terms.map((t) => ({ name: t.name, startsOn: t.startsOn, endsOn: t.endsOn })) });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      setSaved(false);
      await save.mutateAsync(v);
    },
    () => setSaved(true),
  );
  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label={`Terms of ${schoolYear} to ${schoolYear + 1}`}>
      {terms.map((t, i) => (
        <div key={t.name} className={s.term}>
          <Text weight="semibold">{TERM_LABELS[t.name]}</Text>
          <TextField form={form} name={`terms.${i}.startsOn`} label="Starts" type="date" disabled={!editable} />
          <TextField form={form} name={`terms.${i}.endsOn`} label="Ends" type="date" disabled={!editable} />
        </div>
      ))}
      {terms[0]?.isDefault && <Text size={200}>These are the usual dates; nothing is saved until you save them.</Text>}
      <ErrorBar error={error} />
      {saved && <Text role="status">Saved.</Text>}
      {editable && (
        <Button type="submit" appearance="primary" disabled={form.formState.isSubmitting}>
          Save the term dates
        </Button>
      )}
    </form>
  );
}
