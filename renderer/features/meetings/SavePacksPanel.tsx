import { Button, Checkbox, Field, Input, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OutputOf } from '../../../shared/contract/index';
import { errorMessage, invoke, useChannel } from '../../api';
import { ErrorBar } from '../../ui/Page';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  folder: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Saved = OutputOf<'packs.save'>;
interface Progress {
  done: number;
  total: number;
  current: string | null;
  saved: Saved[];
  extras: string[];
  cancelled: boolean;
  failed: string | null;
}

/**
 * Saves meeting packs as PDFs into a folder the office chooses: one PDF per child, made one after
 * another with a progress bar and Cancel (between packs: a pack is written whole or not at all),
 * then the office sheet of what was left out, and, if asked, one combined PDF.
 */
export function SavePacksPanel({ meetings }: { meetings: { meetingId: string; childName: string }[] }) {
  const s = useStyles();
  const client = useQueryClient();
  const caps = useChannel('packs.capabilities');
  const [folder, setFolder] = useState('');
  const [combine, setCombine] = useState(meetings.length > 1);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cancelled = useRef(false);
  const folderInput = useRef<HTMLInputElement>(null);
  const running = progress !== null && progress.current !== null;
  const refocusFolder = useRef(false);
  useEffect(() => {
    if (running || !refocusFolder.current) return;
    refocusFolder.current = false;
    folderInput.current?.focus();
  }, [running]);

  if (caps.data && !caps.data.savePdfs) return <Text>This copy of TwoWay cannot make PDF files. Use Print instead.</Text>;

  async function run() {
    setError(null);
    setFolderError(null);
    if (!folder.trim()) {
      setFolderError('Choose the folder to save the packs in.');
      folderInput.current?.focus();
      return;
    }
    cancelled.current = false;
    const state: Progress = { done: 0, total: meetings.length, current: meetings[0]?.childName ?? null, saved: [], extras: [], cancelled: false, failed: null };
    setProgress({ ...state });
    try {
      for (const m of meetings) {
        if (cancelled.current) break;
        state.current = m.childName;
        setProgress({ ...state });
        state.saved.push(await invoke('packs.save', { meetingId: m.meetingId, folder }));
        state.done += 1;
        setProgress({ ...state });
      }
      state.cancelled = cancelled.current;
      if (state.saved.length > 0 && state.saved.some((x) => x.omitted.length > 0)) {
        state.extras.push((await invoke('packs.saveOfficeSheet', { meetingIds: meetings.slice(0, state.saved.length).map((m) => m.meetingId), folder })).fileName);
      }
      if (combine && !state.cancelled && state.saved.length > 1) {
        state.extras.push((await invoke('packs.combine', { folder, fileNames: state.saved.map((x) => x.fileName) })).fileName);
      }
    } catch (e) {
      state.failed = errorMessage(e);
      // A refused folder is shown beside the folder box, in the core's words for it ("cannot be found").
      const folderIssue = (e as { issues?: { path: string[]; message: string }[] }).issues?.find((i) => i.path[0] === 'folder');
      if (folderIssue) {
        setFolderError(folderIssue.message);
        // The box is disabled while the packs are made: it gets the focus once it is enabled again (below).
        refocusFolder.current = true;
      } else setError(e);
    } finally {
      state.current = null;
      setProgress({ ...state });
      await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('meetings.') });
    }
  }

  return (
    <div className={s.panel} aria-label="Save packs as PDF files" role="group">
      <div className={s.folder}>
        <Field
          className={s.grow}
          label="Folder to save them in"
          hint="A folder on this laptop or a USB stick. The PDFs are not encrypted: keep the folder safe and delete the files after the meeting."
          validationMessage={folderError ?? undefined}
          validationState={folderError ? 'error' : 'none'}
        >
          <Input ref={folderInput} value={folder} onChange={(_e, d) => setFolder(d.value)} disabled={running} />
        </Field>
        {caps.data?.chooseFolder && (
          <Button
            icon={<FolderOpenRegular />}
            disabled={running}
            onClick={() => invoke('packs.chooseFolder').then((r) => r.folder && setFolder(r.folder), setError)}
          >
            Choose…
          </Button>
        )}
      </div>
      {meetings.length > 1 && <Checkbox label="Also make one PDF with every pack (for printing in one go)" checked={combine} onChange={(_e, d) => setCombine(d.checked === true)} disabled={running} />}
      <div className={s.folder}>
        <Button appearance="primary" onClick={() => void run()} disabled={running || meetings.length === 0}>
          {meetings.length === 1 ? 'Save the pack as a PDF' : `Save ${meetings.length} packs as PDFs`}
        </Button>
        {running && (
          <Button
            onClick={() => {
              cancelled.current = true;
            }}
          >
            Cancel
          </Button>
        )}
      </div>
      {progress && (
        <Field
          label={
            progress.current
              ? `Making ${progress.done + 1} of ${progress.total}: ${progress.current}…`
              : progress.failed
                ? `Stopped after ${progress.done} of ${progress.total}.`
                : progress.cancelled
                  ? `Cancelled after ${progress.done} of ${progress.total}.`
                  : `Done: ${progress.done} of ${progress.total} saved.`
          }
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} max={1} aria-label="Packs saved so far" />
        </Field>
      )}
      {progress && !running && (progress.saved.length > 0 || progress.extras.length > 0) && (
        <>
          <Text>Saved in {folder}:</Text>
          <ul className={s.list} aria-label="Files saved">
            {progress.saved.map((x) => (
              <li key={x.file}>
                {x.fileName} ({x.pages} {x.pages === 1 ? 'page' : 'pages'})
              </li>
            ))}
            {progress.extras.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          {progress.extras.some((x) => x.startsWith('Office sheet')) && <Text>The office sheet lists what was left out of each pack and why. Keep it in the office: it does not go with the packs.</Text>}
        </>
      )}
      <ErrorBar error={error} />
    </div>
  );
}
