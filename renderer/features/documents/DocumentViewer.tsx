import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { PrintRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { DOCUMENT_TYPES, type DocumentSummary } from '../../../shared/contract/documents';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { errorMessage, invoke, useChannel } from '../../api';
import { PrintPortal } from '../../print/PrintPortal';
import { printRecorded } from '../../ui/PrintActions';
import '../../print/document-print.css';
import { ErrorBar, Loading } from '../../ui/Page';
import { MAX_PAGES, renderPdfPages } from './pdf';

const useStyles = makeStyles({
  surface: { width: '900px', maxWidth: '95vw' },
  pages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxHeight: '65vh', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalM },
  page: { maxWidth: '100%', boxShadow: tokens.shadow4, backgroundColor: 'white', alignSelf: 'center' },
});

/** Third-party information is flagged wherever a document is shown (our policy 1.3). */
export function ThirdPartyFlag({ doc }: { doc: Pick<DocumentSummary, 'sourceAgency'> }) {
  if (!doc.sourceAgency) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        From {doc.sourceAgency}: third-party information. It is not shared without {doc.sourceAgency}’s agreement (our information sharing policy, 1.3).
      </MessageBarBody>
    </MessageBar>
  );
}

function toBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The pictures of a document: a photo as it is, a PDF's pages drawn by pdf.js. */
function usePictures(data: string | undefined, mime: DocumentSummary['mime'] | undefined) {
  const [state, setState] = useState<{ pages: string[]; total: number } | { error: string } | null>(null);
  useEffect(() => {
    if (!data || !mime) return;
    let live = true;
    let url: string | null = null;
    if (mime === 'application/pdf') {
      renderPdfPages(toBytes(data))
        .then((r) => live && setState(r))
        .catch(() => live && setState({ error: 'This PDF could not be shown: it may be damaged.' }));
    } else if (DOCUMENT_TYPES[mime].viewable) {
      url = URL.createObjectURL(new Blob([toBytes(data)], { type: mime }));
      setState({ pages: [url], total: 1 });
    }
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [data, mime]);
  return state;
}

/**
 * Viewing a document inside TwoWay (issue 18): audited by `documents.open`; printing is audited
 * too (`print.record`); "Save a copy" warns that the copy will not be encrypted and asks the host
 * where to put it (audited). Word documents and undecodable photos are not drawn: they are kept as files.
 */
export function DocumentViewer({ documentId, canSaveCopy, printedBy, onClose }: { documentId: string; canSaveCopy: boolean; printedBy: string; onClose: () => void }) {
  const s = useStyles();
  const opened = useChannel('documents.open', { documentId }, { gcTime: 0, staleTime: Infinity });
  const doc = opened.data?.document;
  const pictures = usePictures(opened.data?.data, doc?.mime);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const pages = pictures && 'pages' in pictures ? pictures.pages : [];

  const saveCopy = () => {
    setError(null);
    invoke('documents.saveCopy', { documentId })
      .then((r) => {
        setConfirmCopy(false);
        setSaved(r.saved);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>{doc ? doc.title : 'Document'}</DialogTitle>
          <DialogContent>
            {opened.isPending && <Loading label="Opening the document…" />}
            <ErrorBar error={opened.error} />
            {doc && (
              <>
                <Text as="p">
                  {DOCUMENT_TYPES[doc.mime].label}
                  {doc.refersTo ? `, dated ${formatDay(doc.refersTo)}` : ''}
                  {doc.version > 1 ? `, version ${doc.version}` : ''}. Added by {doc.addedByName}.
                </Text>
                <ThirdPartyFlag doc={doc} />
                {pictures && 'error' in pictures && (
                  <ErrorBar error={`${pictures.error}${canSaveCopy ? ' Save a copy to open it in another program.' : ''}`} />
                )}
                {!DOCUMENT_TYPES[doc.mime].viewable && (
                  <Text as="p">TwoWay cannot show this kind of file. It is kept safely here; to open it in another program, save a copy.</Text>
                )}
                {DOCUMENT_TYPES[doc.mime].viewable && !pictures && <Loading label="Drawing the pages…" />}
                {pages.length > 0 && (
                  // Scrolls on its own, so it takes focus for the arrow keys.
                  <div className={s.pages} data-testid="document-pages" tabIndex={0} role="region" aria-label={`Pages of ${doc.title}`}>
                    {pages.map((src, i) => (
                      <img key={i} src={src} className={s.page} alt={pages.length > 1 ? `${doc.title}, page ${i + 1} of ${pages.length}` : doc.title} />
                    ))}
                  </div>
                )}
                {pictures && 'total' in pictures && pictures.total > MAX_PAGES && (
                  <Text as="p">
                    Only the first {MAX_PAGES} of {pictures.total} pages are shown.
                  </Text>
                )}
                {confirmCopy && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      The copy will not be encrypted: anyone who can open that folder can read it. Save it only where your policy allows, and delete it when it is no longer needed.{' '}
                      <Button size="small" appearance="primary" onClick={saveCopy}>
                        I understand: choose where
                      </Button>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {saved && <Text role="status">A copy was saved.</Text>}
                <ErrorBar error={error} />
                {pages.length > 0 && (
                  <PrintPortal>
                    <article className="document-print" data-testid="document-print">
                      <h1>
                        CONFIDENTIAL · {doc.title}
                        {doc.sourceAgency ? ` · From ${doc.sourceAgency}: third-party information` : ''} · Printed by {printedBy} on {formatDateTime(new Date())}
                      </h1>
                      {pages.map((src, i) => (
                        <img key={i} src={src} alt="" />
                      ))}
                    </article>
                  </PrintPortal>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {pages.length > 0 && doc && (
              <Button icon={<PrintRegular />} onClick={() => printRecorded('attached-document', doc.id).catch((e: unknown) => setError(errorMessage(e)))}>
                Print
              </Button>
            )}
            {canSaveCopy && doc && (
              <Button icon={<SaveRegular />} onClick={() => setConfirmCopy(true)}>
                Save a copy
              </Button>
            )}
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
