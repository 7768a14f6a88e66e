import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { printJobSchema, type PrintJob } from '../../shared/contract/packs';
import { MeetingPackPrint, OfficeSheetPrint } from './MeetingPackPrint';
import { PrintPortal } from './PrintPortal';

declare global {
  interface Window {
    /** Set on the print-job page: the host hands it a job and waits until it is laid out. */
    twowayRenderJob?: (job: unknown) => Promise<void>;
  }
}

/** Resolves once the fonts are loaded and the browser has laid out and painted a frame. */
const laidOut = () => document.fonts.ready.then(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * The page a host (a hidden window in the app, headless Chromium in the preview) loads to make a
 * PDF without anyone at the window: `#/print-job`. It never calls the core: the host passes the
 * job, already decided by the core, and prints the page once `twowayRenderJob` resolves. The job
 * is checked against the contract all the same, so a malformed one shows nothing.
 */
export function PrintJobPage() {
  const [job, setJob] = useState<PrintJob | null>(null);
  useEffect(() => {
    window.twowayRenderJob = async (raw) => {
      const parsed = printJobSchema.parse(raw);
      flushSync(() => setJob(parsed));
      await laidOut();
    };
    return () => {
      delete window.twowayRenderJob;
    };
  }, []);
  if (!job) return <p>Preparing a document…</p>;
  return (
    <PrintPortal>
      {job.document === 'meeting-pack' ? (
        <MeetingPackPrint pack={job.pack} />
      ) : (
        <OfficeSheetPrint omitted={job.omitted} settingName={job.settingName} printedBy={job.printedBy} printedAt={job.printedAt} />
      )}
    </PrintPortal>
  );
}

/** Whether this window was opened to make a PDF (and so must not start the app or talk to the core). */
export const isPrintJobWindow = () => window.location.hash.startsWith('#/print-job');
