import { Button, Card, CardHeader, Checkbox, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { AddRegular, ShareRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import type { ChildFile } from '../../../shared/contract/children';
import { SHARE_METHOD_LABELS, SHARE_METHODS } from '../../../shared/contract/diary';
import { contract } from '../../../shared/contract/index';
import type { HomeVisit } from '../../../shared/contract/observations';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { CheckboxField, FormDialog, GroupField, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { Facts } from '../children/Facts';
import { Controller } from 'react-hook-form';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  text: { whiteSpace: 'pre-wrap' },
});

/** Joint home visits (issue 13): notes go to another setting only where consent covers home visits. */
export function HomeVisitsTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'share'; visit: HomeVisit } | null>(null);
  const list = useChannel('homevisits.list', { childId: file.child.id });
  return (
    <>
      <Text>
        The information sharing guidance on joint home visits: share notes and discuss findings from home visits, but you “must have parental consent to do
        this”. Sharing the notes asks the consent register (home visits) at the moment they are shared.
      </Text>
      {can(session, 'homevisits.record') && (
        <div>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Record a home visit
          </Button>
        </div>
      )}
      {list.isPending && <Loading />}
      <ErrorBar error={list.error} />
      {list.data?.visits.length === 0 && <Text>No home visits recorded.</Text>}
      <div className={s.list}>
        {list.data?.visits.map((v) => (
          <Card key={v.id} aria-label={`Home visit of ${formatDay(v.visitedOn)}`}>
            <CardHeader
              header={<Text weight="semibold">Home visit, {formatDay(v.visitedOn)}</Text>}
              action={
                can(session, 'homevisits.share') ? (
                  <Button size="small" icon={<ShareRegular />} onClick={() => setDialog({ kind: 'share', visit: v })}>
                    Share the notes
                  </Button>
                ) : undefined
              }
            />
            <Facts
              items={[
                ['Who went', v.who],
                ['From', [v.fromUs ? 'Here' : null, ...v.settings.map((x) => x.name)].filter(Boolean).join(', ')],
                ['Next steps', v.nextSteps],
              ]}
            />
            <Text className={s.text}>{v.notes}</Text>
            {v.shares.length > 0 && (
              <Text size={200}>
                Shared:{' '}
                {v.shares.map((x) => `with ${x.partnerName} (${SHARE_METHOD_LABELS[x.method].toLowerCase()}) by ${x.sharedByName}, ${formatDateTime(x.sharedAt)}`).join('; ')}
              </Text>
            )}
          </Card>
        ))}
      </div>
      {dialog?.kind === 'add' && <RecordVisitDialog file={file} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'share' && <ShareVisitDialog file={file} visit={dialog.visit} onClose={() => setDialog(null)} />}
    </>
  );
}

function RecordVisitDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const add = useChannelMutation('homevisits.record', ['homevisits']);
  const partners = file.sharedCare.filter((x) => x.current);
  const form = useContractForm(contract['homevisits.record'].input, { childId: file.child.id, visitedOn: londonDay(), who: '', fromUs: true, partnerIds: [], notes: '', nextSteps: '' });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  return (
    <FormDialog title="Record a home visit" submitLabel="Save" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error} wide>
      <TextField form={form} name="visitedOn" label="Day of the visit" type="date" required />
      <TextField form={form} name="who" label="Who went" required />
      <GroupField label="From which settings">
        <CheckboxField form={form} name="fromUs" label="Here" />
        <Controller
          control={form.control}
          name="partnerIds"
          render={({ field }) => (
            <>
              {partners.map((p) => (
                <Checkbox
                  key={p.partnerId}
                  label={p.partnerName}
                  checked={(field.value ?? []).includes(p.partnerId)}
                  onChange={(_e, d) => field.onChange(d.checked ? [...(field.value ?? []), p.partnerId] : (field.value ?? []).filter((x: string) => x !== p.partnerId))}
                />
              ))}
            </>
          )}
        />
      </GroupField>
      <TextAreaField form={form} name="notes" label="Notes of the visit" required rows={5} />
      <TextAreaField form={form} name="nextSteps" label="Next steps" rows={2} />
    </FormDialog>
  );
}

function ShareVisitDialog({ file, visit, onClose }: { file: ChildFile; visit: HomeVisit; onClose: () => void }) {
  const share = useChannelMutation('homevisits.share', ['homevisits']);
  const [refusal, setRefusal] = useState<string | null>(null);
  const partners = file.sharedCare.filter((x) => x.current);
  const form = useContractForm(contract['homevisits.share'].input, { homeVisitId: visit.id, partnerId: partners[0]?.partnerId ?? '', method: 'secure-email' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      setRefusal(null);
      const r = await share.mutateAsync(v);
      if (!r.shared) {
        setRefusal(r.message);
        throw new Error('refused');
      }
    },
    onClose,
  );
  return (
    <FormDialog title={`Share the notes of the home visit, ${formatDay(visit.visitedOn)}`} submitLabel="Record the share" onSubmit={submit} onClose={onClose} pending={share.isPending} error={refusal ? null : error} wide>
      <SelectField form={form} name="partnerId" label="With" required options={partners.map((p) => ({ value: p.partnerId, label: p.partnerName }))} />
      <SelectField form={form} name="method" label="How" required options={SHARE_METHODS.map((m) => ({ value: m, label: SHARE_METHOD_LABELS[m] }))} />
      {refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            Not shared: {refusal} The notes of a home visit go to another setting only with the parents’ consent for home visits (record it in the consent
            register first).
          </MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
