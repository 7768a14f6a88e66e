/**
 * What the host (the Electron app, or nothing in the preview and tests) can do that the core cannot:
 * the core stays free of `electron`, and the glue passes these in.
 */
export interface Platform {
  /** Prints the calling window to an A4 PDF and asks where to save it; false when the user cancels. */
  savePdf?(options: { suggestedName: string; landscape: boolean }): Promise<boolean>;
  /** Asks which folder backups go to; null when the user cancels. */
  chooseFolder?(): Promise<string | null>;
  /** Asks which backup file to check or restore; null when the user cancels. */
  chooseBackupFile?(): Promise<string | null>;
}
