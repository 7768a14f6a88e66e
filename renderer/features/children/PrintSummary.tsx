import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChildFile, ChildSummary as Summary } from '../../../shared/contract/children';
import { invoke } from '../../api';
import { ChildSummary } from '../../print/ChildSummary';
import { PrintPortal } from '../../print/PrintPortal';
import { ErrorBar } from '../../ui/Page';
import { PrintActions } from '../../ui/PrintActions';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** Chooses the partner the summary is for, fetches it (the read is audited), then prints it. */
export function PrintSummaryDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const s = useStyles();
  const partners = file.sharedCare.filter((sc) => sc.current);
  const [partnerId, setPartnerId] = useState(partners[0]?.partnerId ?? '');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const prepare = async () => {
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
              <Select
                value={partnerId}
                onChange={(_e, d) => {
                  setPartnerId(d.value);
                  setSummary(null);
                }}
              >
                {partners.map((p) => (
                  <option key={p.partnerId} value={p.partnerId}>
                    {p.partnerName}
                  </option>
                ))}
                <option value="">No particular setting</option>
              </Select>
            </Field>
            {summary && (
              <>
                <Text role="status">
                  The summary is ready{summary.preparedFor ? ` for ${summary.preparedFor.name}` : ''}. Print it, or save it as a PDF to send by the partner’s secure
                  method.
                </Text>
                <div className={s.actions}>
                  <PrintActions
                    document="child-summary"
                    recordId={`child:${file.child.id}`}
                    suggestedName={`Child summary - ${file.child.preferredName ?? file.child.legalName}${summary.preparedFor ? ` - ${summary.preparedFor.name}` : ''}`.slice(0, 110)}
                  />
                </div>
              </>
            )}
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
            {!summary && (
              <Button appearance="primary" icon={<DocumentRegular />} disabled={busy} onClick={() => void prepare()}>
                Prepare summary
              </Button>
            )}
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
