import { chromium, type Browser } from 'playwright-core';
import type { Platform } from '../../electron/core/platform';
import { CHROMIUM_LAUNCH } from './chromium';

/**
 * The preview's and the tests' way of making a PDF without anyone at the window, standing in for
 * the app's hidden window (electron/pdf-window.ts): headless Chromium opens the renderer's print-job
 * page from the preview server, hands it the job, and prints it with page.pdf. The same print
 * layout, the same A4 settings. One browser is started on first use and kept until close().
 */
export function chromiumPdfRenderer(baseUrl: () => string): Required<Pick<Platform, 'renderPdf'>> & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    async renderPdf(job) {
      browser ??= chromium.launch(CHROMIUM_LAUNCH);
      const context = await (await browser).newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}#/print-job`);
        await page.waitForFunction(() => typeof window.twowayRenderJob === 'function');
        await page.evaluate((j) => window.twowayRenderJob!(j), job);
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
