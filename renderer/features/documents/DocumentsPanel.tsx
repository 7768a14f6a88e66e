import { Badge, Button, Checkbox, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { Session } from '../../../shared/contract/auth';
import { documentAddSchema, documentsChannels, DOCUMENT_TYPES, type DocumentOwnerType, type DocumentSummary } from '../../../shared/contract/documents';
import { fieldError, optionalDaySchema, optionalText } from '../../../shared/contract/fields';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { errorOf, FormDialog, SelectField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { DocumentViewer, ThirdPartyFlag } from './DocumentViewer';
import { prepareFile, type Prepared } from './prepare';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  item: { padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hiddenInput: { display: 'none' },
});

const ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([mime, t]) => [mime, `.${t.extension}`])
  .concat('.jpeg', '.heif')
  .join(',');

/**
 * The documents kept with one record (issue 18): a child's file, a concern, a sharing decision.
 * A file is added by choosing it or by dropping it anywhere on the window while this list is shown.
 * Who sees the list follows the record; the core decides, this only explains.
 */
export function DocumentsPanel({ session, ownerType, ownerId, canAdd }: { session: Session; ownerType: DocumentOwnerType; ownerId: string; canAdd: boolean }) {
  const s = useStyles();
  const list = useChannel('documents.list', { ownerType, ownerId });
  const caps = useChannel('print.capabilities');
  const [adding, setAdding] = useState<{ file: File | null; versionOf?: DocumentSummary } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DocumentSummary | null>(null);

  // Dropping a file on the window opens the form with it (the browser would otherwise open the file itself).
  useEffect(() => {
    if (!canAdd) return;
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setAdding((a) => a ?? { file });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [canAdd]);

  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorBar error={list.error} />;
  const docs = list.data.documents;
  return (
    <section className={s.section} aria-label="Documents">
      <div className={s.row}>
        <Text weight="semibold">Documents</Text>
        {canAdd && (
          <Button size="small" icon={<AttachRegular />} onClick={() => setAdding({ file: null })}>
            Add a document
          </Button>
        )}
      </div>
      {canAdd && <Text size={200}>Letters, forms and photos are kept encrypted inside TwoWay. Choose a file, or drop one on this window.</Text>}
      {docs.length === 0 && <Text>No documents.</Text>}
      {docs.map((d) => (
        <div key={d.id} className={s.item} data-testid="document-item">
          <div className={s.row}>
            <Text weight="semibold">{d.title}</Text>
            {d.sourceAgency && (
              <Badge color="warning" appearance="tint">
                Third-party: {d.sourceAgency}
              </Badge>
            )}
            {d.superseded && <Badge appearance="outline">Earlier version</Badge>}
            {d.removed && <Badge color="danger">Removed</Badge>}
          </div>
          <Text size={200}>
            {DOCUMENT_TYPES[d.mime].label}
            {d.refersTo ? `, dated ${formatDay(d.refersTo)}` : ''}
            {d.version > 1 ? `, version ${d.version}` : ''}. Added by {d.addedByName}, {formatDateTime(d.addedAt)}.{d.scaled ? ' Scaled down on import.' : ''}
          </Text>
          {d.removed ? (
            <Text size={200}>
              Removed by {d.removed.byName}, {formatDateTime(d.removed.at)}. Why: {d.removed.reason}
            </Text>
          ) : (
            <div className={s.row}>
              <Button size="small" onClick={() => setViewing(d.id)} aria-label={`View ${d.title}`}>
                View
              </Button>
              {canAdd && !d.superseded && (
                <Button size="small" onClick={() => setAdding({ file: null, versionOf: d })} aria-label={`Add a new version of ${d.title}`}>
                  Add a new version
                </Button>
              )}
              {can(session, 'documents.remove') && (
                <Button size="small" onClick={() => setRemoving(d)} aria-label={`Remove ${d.title}`}>
                  Remove
                </Button>
              )}
            </div>
          )}
        </div>
      ))}
      {adding && <AddDocumentDialog ownerType={ownerType} ownerId={ownerId} initialFile={adding.file} versionOf={adding.versionOf} onClose={() => setAdding(null)} />}
      {viewing && <DocumentViewer documentId={viewing} canSaveCopy={caps.data?.saveFile === true} printedBy={session.fullName} onClose={() => setViewing(null)} />}
      {removing && <RemoveDocumentDialog doc={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

/** The form's own fields; the file itself is read and checked when it is sent. */
const addFormSchema = documentAddSchema.pick({ title: true }).extend({
  refersTo: optionalDaySchema,
  /** 'us', or 'agency' (then the agency's name). */
  from: z.enum(['us', 'agency'], { error: 'Say where the document came from.' }),
  agency: optionalText('The agency’s name', 160),
  /** The chosen file's name, so "Choose a file" shows beside its field. */
  data: z.string({ error: 'Choose a file.' }).min(1, 'Choose a file.'),
  keepOriginal: z.boolean(),
});

function AddDocumentDialog({
  ownerType,
  ownerId,
  initialFile,
  versionOf,
  onClose,
}: {
  ownerType: DocumentOwnerType;
  ownerId: string;
  initialFile: File | null;
  versionOf?: DocumentSummary;
  onClose: () => void;
}) {
  const s = useStyles();
  const add = useChannelMutation('documents.add', ['documents', 'sharing']);
  const [file, setFile] = useState<File | null>(initialFile);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const form = useContractForm(addFormSchema, {
    title: versionOf?.title ?? initialFile?.name.replace(/\.[^.]*$/, '') ?? '',
    refersTo: '',
    from: versionOf?.sourceAgency ? 'agency' : 'us',
    agency: versionOf?.sourceAgency ?? '',
    data: initialFile?.name ?? '',
    keepOriginal: false,
  });
  const choose = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setPrepared(null);
    form.setValue('data', f.name, { shouldValidate: form.formState.isSubmitted });
    if (!form.getValues('title')) form.setValue('title', f.name.replace(/\.[^.]*$/, ''));
  };
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      let ready: Prepared;
      try {
        ready = await prepareFile(file!, v.keepOriginal);
      } catch (e) {
        throw fieldError('data', e instanceof Error ? e.message : 'That file could not be read.');
      }
      setPrepared(ready);
      if (v.from === 'agency' && !v.agency) throw fieldError('agency', 'Say which agency it came from.');
      await add.mutateAsync({
        ownerType,
        ownerId,
        title: v.title,
        ...(v.refersTo ? { refersTo: v.refersTo } : {}),
        source: v.from === 'agency' ? { kind: 'agency', agency: v.agency } : { kind: 'us' },
        fileName: ready.fileName,
        mime: ready.mime,
        data: ready.data,
        scaled: ready.scaled,
        ...(ready.original ? { original: ready.original } : {}),
        ...(versionOf ? { versionOf: versionOf.id } : {}),
      });
    },
    onClose,
  );
  const from = form.watch('from');
  const fileMessage = errorOf(form, 'data');
  return (
    <FormDialog title={versionOf ? `A new version of “${versionOf.title}”` : 'Add a document'} submitLabel="Keep the document" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error}>
      {versionOf && <Text>The earlier version stays as it is; this one is kept beside it.</Text>}
      <Field label="File" required validationState={fileMessage ? 'error' : 'none'} validationMessage={fileMessage ?? 'A PDF, a photo (JPEG, PNG, HEIC) or a Word document, up to 20 MB.'}>
        <div className={s.row}>
          <Button onClick={() => input.current?.click()} aria-invalid={fileMessage ? true : undefined}>
            {file ? 'Choose another file' : 'Choose a file'}
          </Button>
          <Text>{file ? file.name : 'No file chosen.'}</Text>
        </div>
      </Field>
      <input ref={input} className={s.hiddenInput} type="file" accept={ACCEPT} aria-label="File to keep" data-testid="document-file" onChange={(e) => choose(e.target.files?.[0])} />
      {prepared?.note && <Text size={200}>{prepared.note}</Text>}
      <TextField form={form} name="title" label="Title" hint="For example: Letter from the health visitor; Signed registration form." required />
      <TextField form={form} name="refersTo" label="The date it refers to" type="date" max={today()} hint="The date on the letter, or the day it is about, if known." />
      <SelectField
        form={form}
        name="from"
        label="Where it came from"
        required
        options={[
          { value: 'us', label: 'Us (written or taken here)' },
          { value: 'agency', label: 'Another agency (third-party information)' },
        ]}
      />
      {from === 'agency' && (
        <>
          <TextField form={form} name="agency" label="Which agency" hint="For example: Health visiting team; Children’s social care." required />
          <ThirdPartyFlag doc={{ sourceAgency: form.watch('agency') || 'that agency' }} />
        </>
      )}
      <Checkbox
        label="For a photo: also keep the original size (it is scaled down otherwise)"
        checked={form.watch('keepOriginal')}
        onChange={(_e, d) => form.setValue('keepOriginal', d.checked === true)}
      />
    </FormDialog>
  );
}

/** Removal is a disposal: the content is deleted for good, with the manager's own password; a record that it existed stays. */
function RemoveDocumentDialog({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const remove = useChannelMutation('documents.remove', ['documents', 'sharing']);
  const form = useContractForm(documentsChannels['documents.remove'].input, { documentId: doc.id, reason: '', password: '' });
  const { submit, error } = useFormSubmit(form, (v) => remove.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Remove “${doc.title}”`} submitLabel="Remove it for good" onSubmit={submit} onClose={onClose} pending={remove.isPending} error={error}>
      <Text>The document’s content is deleted and cannot be brought back. A note that it existed, who removed it, when and why stays in the records and the audit trail.</Text>
      <TextField form={form} name="reason" label="Why it is removed" hint="For example: sent to us by mistake; past its retention period." required />
      <TextField form={form} name="password" label="Your password (manager)" type="password" autoComplete="current-password" required />
    </FormDialog>
  );
}
