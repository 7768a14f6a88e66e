import type { PrintJob } from '../../shared/contract/packs';

/**
 * What the host (the Electron app, or nothing in the preview and tests) can do that the core cannot:
 * the core stays free of `electron`, and the glue passes these in.
 */
export interface Platform {
  /** Prints the calling window to an A4 PDF and asks where to save it; false when the user cancels. */
  savePdf?(options: { suggestedName: string; landscape: boolean }): Promise<boolean>;
  /**
   * Lays out a print job with the renderer's own print layout, away from the user's window, and
   * returns the A4 PDF: a hidden window and printToPDF in the app, headless Chromium and page.pdf
   * in the preview and the tests. The page never calls the core: the job carries its data.
   */
  renderPdf?(job: PrintJob): Promise<Uint8Array>;
  /** Asks the user to choose a folder; null when they cancel. */
  chooseFolder?(options: { title: string }): Promise<string | null>;
  /**
   * Asks where to save a copy of a document (issue 18: "Save a copy") and writes these bytes there;
   * false when the user cancels. The renderer has already warned that the copy is not encrypted.
   */
  saveFile?(options: { suggestedName: string; extension: string; data: Uint8Array }): Promise<boolean>;
  /** Asks which backup file to check or restore; null when the user cancels. */
  chooseBackupFile?(): Promise<string | null>;
}
