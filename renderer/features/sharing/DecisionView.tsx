import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ArrowLeftRegular, DocumentAddRegular, PrintRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { ROLE_LABELS } from '../../../shared/contract/define';
import { contract } from '../../../shared/contract/index';
import {
  AUTHORISATION_METHOD_LABELS,
  BASIS_LABELS,
  CONSENT_STATUS_LABELS,
  HARM_LABELS,
  ITEM_KIND_ONE,
  RECIPIENT_NEED_LABELS,
  SHARING_METHOD_LABELS,
  type Decision,
  type SharePack as Pack,
} from '../../../shared/contract/sharing';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { invoke, useChannel, useChannelMutation } from '../../api';
import { PrintPortal } from '../../print/PrintPortal';
import { SharePack } from '../../print/SharePack';
import { href, navigate } from '../../router';
import { FormDialog, TextAreaField } from '../../ui/fields';
import { focusFirstError, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { PrintActions, printRecorded } from '../../ui/PrintActions';
import { Checklist, StatusBadge } from './common';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: '190px 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  reasons: { margin: 0, padding: tokens.spacingHorizontalM, borderLeft: `4px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground2, whiteSpace: 'pre-wrap' },
  content: { whiteSpace: 'pre-wrap', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground2 },
  addendum: { padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  authorise: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `2px solid ${tokens.colorPaletteMarigoldBorder2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** `#/sharing/<id>`: one decision as recorded, with its addenda, the authorisation and the share pack. */
export function DecisionView({ session, id }: { session: Session; id: string }) {
  const s = useStyles();
  const decision = useChannel('sharing.get', { sharingId: id });
  const [pack, setPack] = useState<Pack | null>(null);
  const [packError, setPackError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    // Print once the layout is in the page.
    if (pack) printRecorded('share-pack', `sharing:${id}`).catch(setPackError);
  }, [pack, id]);

  if (decision.isPending) return <Loading />;
  if (decision.error) {
    return (
      <Page title="Sharing decision">
        <ErrorBar error={decision.error} />
      </Page>
    );
  }
  const d = decision.data;
  const printPack = async () => {
    setPackError(null);
    try {
      setPack(await invoke('sharing.pack', { sharingId: d.id }));
    } catch (e) {
      setPackError(e);
    }
  };

  return (
    <Page
      title={`${d.decision === 'share' ? 'Sharing' : 'Not sharing'}: ${d.childName} → ${d.recipientName}`}
      actions={
        <>
          <Button icon={<ArrowLeftRegular />} onClick={() => navigate(can(session, 'sharing.list') ? '/sharing' : '/sharing/pending')}>
            {can(session, 'sharing.list') ? 'The register' : 'Awaiting authorisation'}
          </Button>
          {d.status === 'shared' && !pack && !d.basisGone && (
            <Button appearance="primary" icon={<PrintRegular />} onClick={() => void printPack()}>
              Print the share pack
            </Button>
          )}
          {pack && (
            <PrintActions
              document="share-pack"
              recordId={`sharing:${d.id}`}
              suggestedName={`Share pack - ${d.childName} - ${d.recipientName} - ${(d.sharedAt ?? d.decidedAt).slice(0, 10)}`.slice(0, 110)}
              label="Print the share pack again"
            />
          )}
        </>
      }
    >
      <div>
        <StatusBadge status={d.status} />
      </div>
      {d.basisGone && (
        <MessageBar intent="error" layout="multiline" data-testid="basis-gone">
          <MessageBarBody>
            <MessageBarTitle>The consent this decision relied on has gone</MessageBarTitle>
            {d.basisGone}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={packError} />
      {pack && (
        <Text role="status">
          The share pack is ready and has been sent to the printer: a cover sheet and exactly the {pack.items.length} approved item{pack.items.length === 1 ? '' : 's'}.
        </Text>
      )}
      <div className={s.layout}>
        <div className={s.main}>
          {d.status === 'awaiting-authorisation' && can(session, 'sharing.authorise') && !d.basisGone && <AuthorisePanel decision={d} />}
          <Facts d={d} />
          <section className={s.section} aria-label="Reasons">
            <Title3 as="h2" className={s.heading}>
              Reasons
            </Title3>
            <blockquote className={s.reasons} data-testid="reasons">
              {d.reasons}
            </blockquote>
          </section>
          <ItemsTable d={d} />
          <section className={s.section} aria-label="Addenda">
            <Title3 as="h2" className={s.heading}>
              Addenda
            </Title3>
            <Text size={200}>A recorded decision is never changed. A correction or a later note is added here, with who, when and why.</Text>
            {d.addenda.length === 0 && <Text>None.</Text>}
            {d.addenda.map((a) => (
              <div key={a.id} className={s.addendum} data-testid="addendum">
                <Text block weight="semibold">
                  {a.byName}, {formatDateTime(a.at)}. Why: {a.why}
                </Text>
                <Text block className={s.content}>
                  {a.text}
                </Text>
              </div>
            ))}
            {can(session, 'sharing.addendum') && (
              <div>
                <Button icon={<DocumentAddRegular />} onClick={() => setAdding(true)}>
                  Add an addendum
                </Button>
              </div>
            )}
          </section>
          <DocumentsPanel session={session} ownerType="sharing" ownerId={d.id} canAdd={can(session, 'sharing.addendum')} />
        </div>
        <section className={s.side} aria-label="Checklist">
          <Title3 as="h2" className={s.heading}>
            {d.authorisation ? 'Checklist when authorised' : 'Checklist when recorded'}
          </Title3>
          <Checklist assessment={withRefusal(d)} />
        </section>
      </div>
      {adding && <AddendumDialog id={d.id} onClose={() => setAdding(false)} />}
      {pack && (
        <PrintPortal>
          <SharePack pack={pack} />
        </PrintPortal>
      )}
    </Page>
  );
}

/**
 * Decisions recorded before checks said so: a refusal is still never shown as a tick (issue 11.13),
 * worked out from the request as it was recorded.
 */
function withRefusal(d: Decision): Decision['assessment'] {
  const refused = d.request.consent === 'refused' || d.request.consent === 'withdrawn';
  if (!refused) return d.assessment;
  const checks = d.assessment.checks.map((c) => (c.rule === 'consent' && !c.refusal ? { ...c, refusal: c.ok ? ('overridden' as const) : ('respected' as const) } : c));
  return { ...d.assessment, checks };
}

function Facts({ d }: { d: Decision }) {
  const s = useStyles();
  const r = d.request;
  const rows: [string, React.ReactNode][] = [
    ['Child', <a key="c" href={href(`/children/${d.childId}?tab=sharing`)}>{d.childName}</a>],
    ['With', `${d.recipientName}${d.recipientContact ? ` (${d.recipientContact})` : ''}`],
    ['Purpose', d.purpose],
    ['Decision', d.decision === 'share' ? 'Share' : 'Do not share'],
    ['Basis', d.basis ? BASIS_LABELS[d.basis] : '—'],
    ...(d.method ? ([['How', SHARING_METHOD_LABELS[d.method]]] as [string, string][]) : []),
    ['Do they need it?', r.recipient.need ? RECIPIENT_NEED_LABELS[r.recipient.need] : r.recipient.hasRoleInChildsCare ? 'Yes, they have a role in the child’s care' : 'No role in the child’s care'],
    ...(r.legalRequirement
      ? ([[r.courtOrder ? 'Court order' : 'Legal duty', `${r.legalRequirement.what} (${r.legalRequirement.reference})`]] as [string, string][])
      : []),
    [
      'Consent',
      `${CONSENT_STATUS_LABELS[r.consent]}${d.consent ? `. The consent register said on ${formatDay(d.consent.on)}: ${d.consent.message}` : ''}`,
    ],
    ['Significant harm', HARM_LABELS[r.harm]],
    ['Advice sought', d.adviceFrom ? `From ${d.adviceFrom}${d.adviceNote ? `: ${d.adviceNote}` : ''}` : 'No'],
    ['Parents told', r.parentsInformed ? 'Yes' : `No: ${r.parentsNotInformedReason ?? 'no reason given'}`],
    ['Decided by', `${d.decidedByName} (${d.decidedByRoles.map((x) => ROLE_LABELS[x]).join(', ')}), ${formatDateTime(d.decidedAt)}${d.proposal ? ', as a proposal' : ''}`],
  ];
  if (d.authorisation) {
    const a = d.authorisation;
    rows.push([
      a.agreed ? 'Authorised by' : 'Not agreed by',
      `${a.byName} (${a.byRoles.map((x) => ROLE_LABELS[x]).join(', ')}), ${formatDateTime(a.at)}, ${AUTHORISATION_METHOD_LABELS[a.how]}${a.note ? `. “${a.note}”` : ''}`,
    ]);
  } else if (d.needsAuthorisation) {
    rows.push(['Authorisation', `Waiting for ${d.authorisers}.`]);
  }
  if (d.sharedAt) rows.push(['Shared', formatDateTime(d.sharedAt)]);
  return (
    <dl className={s.facts} aria-label="The decision">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt className={s.dt}>{k}</dt>
          <dd className={s.dd}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ItemsTable({ d }: { d: Decision }) {
  const s = useStyles();
  const heading = d.status === 'shared' ? 'What was shared' : 'The information considered';
  return (
    <section className={s.section} aria-label={heading}>
      <Title3 as="h2" className={s.heading}>
        {heading}
      </Title3>
      <Text size={200}>As it was when the decision was recorded.</Text>
      <Table aria-label={heading} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '30%' }}>Item</TableHeaderCell>
            <TableHeaderCell>Content</TableHeaderCell>
            <TableHeaderCell style={{ width: '24%' }}>Shared?</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.items.map((i) => (
            <TableRow key={i.ref} data-item={i.ref} data-shared={i.shared}>
              <TableCell>
                <Text block weight="semibold">
                  {i.label}
                </Text>
                {/* A note's label already says it was written for this share. */}
                {i.kind !== 'note' && <Text size={200}>{ITEM_KIND_ONE[i.kind]}</Text>}
                {i.kind === 'concern' && (
                  <Text block size={200}>
                    <a href={href(`/concerns/${i.ref.slice('concern:'.length)}`)}>Open the concern</a>
                  </Text>
                )}
                {i.thirdParty && (
                  <Text block size={200}>
                    From {i.thirdParty.agency}
                    {i.thirdParty.agencyConsent
                      ? `, who agreed${i.thirdParty.agreedBy ? ` (${i.thirdParty.agreedBy}${i.thirdParty.agreedOn ? `, ${formatDay(i.thirdParty.agreedOn)}` : ''}${i.thirdParty.agreedHow ? `, ${i.thirdParty.agreedHow}` : ''})` : ''}`
                      : ', who has not agreed'}
                  </Text>
                )}
              </TableCell>
              <TableCell className={s.content}>{i.content}</TableCell>
              <TableCell>{i.shared ? 'Shared' : i.withheldReason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function AuthorisePanel({ decision }: { decision: Decision }) {
  const s = useStyles();
  const mutation = useChannelMutation('sharing.authorise', ['sharing']);
  const [who, setWho] = useState<'me' | 'other'>(decision.canAuthorise ? 'me' : 'other');
  const [agree, setAgree] = useState<'yes' | 'no'>('yes');
  const [note, setNote] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLElement; // gone from the event once it has been handled
    setError(null);
    setIssues({});
    try {
      await mutation.mutateAsync({
        sharingId: decision.id,
        agree: agree === 'yes',
        ...(note.trim() ? { note } : {}),
        ...(who === 'other' ? { authoriser: { username, password } } : {}),
      });
      setPassword('');
    } catch (err) {
      setError(err);
      const found: Record<string, string> = {};
      for (const i of (err as { issues?: { path: (string | number)[]; message: string }[] }).issues ?? []) found[i.path.join('.')] = i.message;
      setIssues(found);
      setPassword('');
      focusFirstError(formElement);
    }
  };

  return (
    <form className={s.authorise} onSubmit={(e) => void submit(e)} aria-label="Authorise this decision" noValidate>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Waiting for a second person</MessageBarTitle>
          {decision.authorisers.charAt(0).toUpperCase() + decision.authorisers.slice(1)} must agree before anything is shared. The person who decided cannot
          authorise it.
        </MessageBarBody>
      </MessageBar>
      <RadioGroup value={who} onChange={(_e, d) => setWho(d.value as 'me' | 'other')} aria-label="Who is authorising">
        <Radio value="me" label="I am authorising it, logged in as myself" disabled={!decision.canAuthorise} />
        <Radio value="other" label="Someone else is here: they type their own username and password" />
      </RadioGroup>
      {who === 'other' && (
        <div className={s.row}>
          <Field label="Their username" validationMessage={issues['authoriser.username']}>
            <Input value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="off" />
          </Field>
          <Field label="Their password" validationMessage={issues['authoriser.password']}>
            <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="off" />
          </Field>
        </div>
      )}
      <RadioGroup layout="horizontal" value={agree} onChange={(_e, d) => setAgree(d.value as 'yes' | 'no')} aria-label="Do you agree?">
        <Radio value="yes" label="I agree: share it" />
        <Radio value="no" label="I do not agree" />
      </RadioGroup>
      <Field label={agree === 'no' ? 'Why you do not agree' : 'Note (optional)'} required={agree === 'no'} validationMessage={issues.note}>
        <Textarea value={note} onChange={(_e, d) => setNote(d.value)} rows={2} />
      </Field>
      <ErrorBar error={error} />
      <div>
        <Button appearance="primary" type="submit" disabled={mutation.isPending}>
          {agree === 'yes' ? 'Authorise' : 'Record that I do not agree'}
        </Button>
      </div>
    </form>
  );
}

function AddendumDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const form = useContractForm(contract['sharing.addendum'].input, { sharingId: id, text: '', why: '' });
  const mutation = useChannelMutation('sharing.addendum', ['sharing']);
  const { submit, error } = useFormSubmit(form, (v) => mutation.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add an addendum" submitLabel="Add the addendum" onSubmit={submit} onClose={onClose} pending={mutation.isPending} error={error}>
      <TextAreaField form={form} name="why" label="Why it is added" required rows={2} hint="For example: a correction, or what happened next." />
      <TextAreaField form={form} name="text" label="The addendum" required rows={5} />
    </FormDialog>
  );
}
