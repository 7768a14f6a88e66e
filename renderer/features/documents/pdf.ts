import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** The most pages drawn for viewing and printing; a longer document says so. */
export const MAX_PAGES = 60;

/**
 * Draws each page of a PDF to a PNG data URL with pdf.js, inside TwoWay: the file is never handed to
 * another program (which would leave a plaintext copy in a temp folder). The worker is bundled by
 * vite and loaded from the app itself; nothing is fetched from the network; eval is not used.
 */
export async function renderPdfPages(data: Uint8Array, scale = 1.5): Promise<{ pages: string[]; total: number }> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: true, disableAutoFetch: true }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      pages.push(canvas.toDataURL('image/png'));
      page.cleanup();
    }
    return { pages, total: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
