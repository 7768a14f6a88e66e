import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ChildFile, ChildSummary as Summary } from '../../../shared/contract/children';
import { invoke } from '../../api';
import { ChildSummary } from '../../print/ChildSummary';
import { PrintPortal } from '../../print/PrintPortal';
import { ErrorBar } from '../../ui/Page';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Chooses the partner the summary is for, fetches it (the read is audited), then prints it. */
export function PrintSummaryDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const s = useStyles();
  const partners = file.sharedCare.filter((sc) => sc.current);
  const [partnerId, setPartnerId] = useState(partners[0]?.partnerId ?? '');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Print once the layout is in the page.
    if (summary) window.print();
  }, [summary]);

  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      setSummary(await invoke('children.summary', { childId: file.child.id, ...(partnerId ? { partnerId } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Print a child summary</DialogTitle>
          <DialogContent className={s.body}>
            <Text>
              One page for a partner setting: key persons and days, allergies and medication, emergency contacts and collection restrictions. It
              says CONFIDENTIAL and who printed it.
            </Text>
            <Field label="For">
              <Select value={partnerId} onChange={(_e, d) => setPartnerId(d.value)}>
                {partners.map((p) => (
                  <option key={p.partnerId} value={p.partnerId}>
                    {p.partnerName}
                  </option>
                ))}
                <option value="">No particular setting</option>
              </Select>
            </Field>
            {summary && <Text role="status">The summary is ready and has been sent to the printer.</Text>}
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
            <Button appearance="primary" icon={<PrintRegular />} disabled={busy} onClick={() => void (summary ? window.print() : print())}>
              Print
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
      {summary && (
        <PrintPortal>
          <ChildSummary summary={summary} />
        </PrintPortal>
      )}
    </>
  );
}
