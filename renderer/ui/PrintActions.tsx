import { Button, Tooltip } from '@fluentui/react-components';
import { DocumentPdfRegular, PrintRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { z } from 'zod';
import type { printDocumentSchema } from '../../shared/contract/print';
import { invoke, useChannel } from '../api';
import { ErrorBar } from './Page';

/** Records the print in the audit trail (who printed which document, about which child), then opens the print dialog. */
export function printRecorded(document: z.infer<typeof printDocumentSchema>, recordId?: string): Promise<void> {
  return invoke('print.record', { document, ...(recordId ? { recordId } : {}) }).then(() => window.print());
}

/**
 * Print and Save as PDF for a print layout already rendered through PrintPortal. Print records the
 * print in the audit trail (`print.record`), then opens the
 * print dialog (in the desktop app, Windows' own, which also offers Microsoft Print to PDF); Save as
 * PDF shows only where the window can save one itself.
 */
export function PrintActions({
  document,
  recordId,
  suggestedName,
  landscape = false,
  label = 'Print',
}: {
  document: z.infer<typeof printDocumentSchema>;
  recordId?: string;
  suggestedName: string;
  landscape?: boolean;
  label?: string;
}) {
  const caps = useChannel('print.capabilities');
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        icon={<PrintRegular />}
        onClick={() => {
          setError(null);
          printRecorded(document, recordId).catch(setError);
        }}
      >
        {label}
      </Button>
      {caps.data?.savePdf && (
        <Tooltip content="Choose where to save an A4 PDF" relationship="description">
          <Button
            icon={<DocumentPdfRegular />}
            onClick={() => {
              setError(null);
              invoke('print.savePdf', { document, recordId, suggestedName: suggestedName.replace(/[\\/:*?"<>|]/g, '-'), landscape }).catch(setError);
            }}
          >
            Save as PDF
          </Button>
        </Tooltip>
      )}
      <ErrorBar error={error} />
    </>
  );
}
