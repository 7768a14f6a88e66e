/**
 * What the host (the Electron app, or nothing in the preview and tests) can do that the core cannot:
 * the core stays free of `electron`, and the glue passes these in.
 */
export interface Platform {
  /** Prints the calling window to an A4 PDF and asks where to save it; false when the user cancels. */
  savePdf?(options: { suggestedName: string; landscape: boolean }): Promise<boolean>;
  /**
   * Asks where to save a copy of a document (issue 18: "Save a copy") and writes these bytes there;
   * false when the user cancels. The renderer has already warned that the copy is not encrypted.
   */
  saveFile?(options: { suggestedName: string; extension: string; data: Uint8Array }): Promise<boolean>;
}
