import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Renders a print layout outside the app, shown only when printing (see print.css): one path for
 * the Electron print dialog, printToPDF and Chromium's page.pdf() in tests.
 */
export function PrintPortal({ children }: { children: ReactNode }) {
  return createPortal(<div className="print-root">{children}</div>, document.body);
}
