import { Button, Checkbox, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { ANOTHER_CHILD, CHRONOLOGY_KIND_LABELS, CHRONOLOGY_KINDS, type ChronologyEvent } from '../../../shared/contract/concerns';
import { concernsChannels } from '../../../shared/contract/concerns';
import { formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { FormDialog } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate } from '../../router';
import { ChronologyPrint, markSource, whenLabel } from '../../print/ChronologyPrint';
import { PrintPortal } from '../../print/PrintPortal';
import { PrintActions } from '../../ui/PrintActions';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { BodyMap, MarkLegend } from './BodyMap';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  kinds: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  event: { display: 'grid', gridTemplateColumns: '11rem 1fr', gap: tokens.spacingHorizontalM, padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  detail: { whiteSpace: 'pre-wrap' },
});

/**
 * `#/concerns/chronology/<childId>`: one timeline of everything the safeguarding team knows about a
 * child, filterable, printable in full (evidential) or for the next setting (no staff names).
 * Opening it is audited against the child and every concern it shows.
 */
export function ChronologyView({ session, childId }: { session: Session; childId: string }) {
  const s = useStyles();
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest');
  const [kinds, setKinds] = useState<ChronologyEvent['kind'][]>([]);
  const [external, setExternal] = useState(false);
  const [transfer, setTransfer] = useState<'send' | { confirm: string } | null>(null);
  const settings = useChannel('settings.get');
  const chronology = useChannel('concerns.chronology', { childId, order, kinds: kinds.length ? kinds : undefined, external });
  if (chronology.isPending) return <Loading />;
  if (chronology.error) {
    return (
      <Page title="Safeguarding chronology">
        <ErrorBar error={chronology.error} />
      </Page>
    );
  }
  const c = chronology.data;
  const toggle = (k: ChronologyEvent['kind'], on: boolean) => setKinds((ks) => (on ? [...ks, k] : ks.filter((x) => x !== k)));
  // Newer marks are drawn stronger on the combined map: by when they were seen, so marks seen together look alike.
  const times = [...new Set(c.bodyMarks.map((m) => m.observedAt))];
  const marks = c.bodyMarks.map((m, i) => ({ ...m, number: i + 1, strength: times.length === 1 ? 1 : times.indexOf(m.observedAt) / (times.length - 1) }));
  return (
    <Page
      title={`Safeguarding chronology: ${c.childName}`}
      actions={
        <>
          <Button onClick={() => navigate(`/concerns/visits?child=${childId}`)}>Visiting professionals</Button>
          <Button onClick={() => setTransfer('send')}>Transfer the safeguarding file</Button>
          <PrintActions
            document="safeguarding-chronology"
            recordId={`child:${childId}`}
            suggestedName={`Safeguarding chronology - ${c.childName}${external ? ' - for another setting' : ''}`.slice(0, 110)}
            label={external ? 'Print for another setting' : 'Print the chronology'}
          />
        </>
      }
    >
      <Text>Born {formatDay(c.dateOfBirth)}.</Text>
      <div className={s.filters}>
        <Field label="Order">
          <Select value={order} onChange={(_e, d) => setOrder(d.value as typeof order)}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </Select>
        </Field>
        <Checkbox
          label="Version for another setting or agency (leaves out which member of staff wrote each entry)"
          checked={external}
          onChange={(_e, d) => setExternal(d.checked === true)}
        />
      </div>
      <div className={s.kinds} role="group" aria-label="Show only">
        {CHRONOLOGY_KINDS.map((k) => (
          <Checkbox key={k} label={CHRONOLOGY_KIND_LABELS[k]} checked={kinds.includes(k)} onChange={(_e, d) => toggle(k, d.checked === true)} />
        ))}
      </div>
      {c.transfers.length > 0 && (
        <section aria-label="Safeguarding file sent on">
          <Text weight="semibold">Safeguarding file sent on</Text>
          <ul>
            {c.transfers.map((t) => (
              <li key={t.id}>
                To {t.sentTo} on {formatDay(t.sentOn)} ({t.how}).{' '}
                {t.confirmedBy ? (
                  `Receipt confirmed by ${t.confirmedBy} on ${formatDay(t.receivedOn!)}.`
                ) : (
                  <Button size="small" onClick={() => setTransfer({ confirm: t.id })}>
                    Record receipt
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {marks.length > 0 && (
        <>
          <Text weight="semibold">Every mark recorded, newer ones stronger</Text>
          <BodyMap label="Combined body map" marks={marks} />
          <MarkLegend marks={marks} source={markSource} />
        </>
      )}
      {c.events.length === 0 ? (
        <Text>Nothing recorded{kinds.length ? ' of the kinds chosen' : ''}.</Text>
      ) : (
        <ol className={s.list} aria-label="Chronology">
          {c.events.map((e, i) => (
            <li key={i} className={s.event}>
              <Text>{whenLabel(e.at)}</Text>
              <div>
                <Text weight="semibold">
                  {e.concernId ? <a href={href(`/concerns/${e.concernId}`)}>{e.title}</a> : e.title}
                </Text>
                <Text as="p" className={s.detail}>
                  {e.detail}
                </Text>
                {e.otherChildren && e.otherChildren.length > 0 && (
                  <Text as="p">
                    {e.otherChildren.some((o) => o.concernChild) ? 'Also involved: ' : 'Other children involved: '}
                    {e.otherChildren.map((o, j) => (
                      <span key={j}>
                        {j > 0 && ', '}
                        {o.childId && o.name ? <a href={href(`/concerns/chronology/${o.childId}`)}>{o.name}</a> : ANOTHER_CHILD}
                      </span>
                    ))}
                  </Text>
                )}
                {e.byName && <Text size={200}>{e.byName}</Text>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {transfer === 'send' && <SendFileDialog childId={childId} onClose={() => setTransfer(null)} />}
      {transfer && typeof transfer === 'object' && <ReceiptDialog transferId={transfer.confirm} onClose={() => setTransfer(null)} />}
      <PrintPortal>
        <ChronologyPrint chronology={c} marks={marks} external={external} settingName={settings.data?.settingName ?? ''} printedBy={session.fullName} />
      </PrintPortal>
    </Page>
  );
}

/**
 * When a child leaves: the file goes to the next setting or school separately from the main file,
 * securely and promptly, with a receipt recorded by both. Print the chronology (full record) to send
 * with it; the date, the way it went and the receipt are kept here and in the chronology.
 */
function SendFileDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.recordTransfer');
  const form = useContractForm(concernsChannels['concerns.recordTransfer'].input, { childId, sentTo: '', sentOn: today(), how: '' });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), onClose);
  return (
    <FormDialog title="Transfer the safeguarding file" submitLabel="Record the transfer" onSubmit={submit} onClose={onClose} pending={save.isPending} error={error}>
      <Text>Send it separately from the main file, securely, within 5 school days. Print the chronology to go with it.</Text>
      <TextField form={form} name="sentTo" label="Sent to" hint="The setting or school, and their DSL." required />
      <TextField form={form} name="sentOn" label="Sent on" type="date" required max={today()} />
      <TextField form={form} name="how" label="How it was sent" hint="For example: handed to their DSL in a sealed envelope; secure email." required />
    </FormDialog>
  );
}

function ReceiptDialog({ transferId, onClose }: { transferId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.confirmTransfer');
  const form = useContractForm(concernsChannels['concerns.confirmTransfer'].input, { transferId, confirmedBy: '', receivedOn: today() });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), onClose);
  return (
    <FormDialog title="Record receipt of the file" submitLabel="Record the receipt" onSubmit={submit} onClose={onClose} pending={save.isPending} error={error}>
      <TextField form={form} name="confirmedBy" label="Who confirmed receipt" required />
      <TextField form={form} name="receivedOn" label="Received on" type="date" required max={today()} />
    </FormDialog>
  );
}
