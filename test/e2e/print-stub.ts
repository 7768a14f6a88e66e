import type { Page } from '@playwright/test';

/**
 * `window.print()` in the test pages only records that it was asked to print. How a headless
 * Chromium treats a real print job differs from build to build (Chromium 156 starts one and keeps
 * it running, so a following `page.pdf()` fails with "Page is already being printed"); the tests
 * check that Print asked to print, then take the PDF themselves with `page.pdf()`.
 * Used by the e2e fixture (every spec) and the screenshots script: one place.
 */
export async function replacePrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __twowayPrintCalls: number; print: () => void };
    w.__twowayPrintCalls = 0;
    w.print = () => {
      w.__twowayPrintCalls += 1;
    };
  });
}

/** How many times the page has asked to print since it was loaded. */
export async function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __twowayPrintCalls?: number }).__twowayPrintCalls ?? -1);
}
