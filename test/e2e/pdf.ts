import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Text of a PDF, through poppler's pdftotext (layout kept, so columns read left to right). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'twoway-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * Text of a PDF (or of one page) in the order it was drawn, white space folded to single spaces
 * (`pdftotext -raw`): a sentence that wraps (even at a hyphen), or stands beside another column, still
 * reads as one.
 * Use it to check phrases; use pdfText where the columns' positions matter.
 */
export function pdfFlowText(pdf: Buffer, page?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'twoway-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (
    execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ')
      // A line may break after a hyphen ("SC-2026-" / "0001"): read it back as one word.
      .replace(/(\S)- (?=\S)/g, '$1-')
  );
}

/** Number of pages and their size in points, through pdfinfo. */
export function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'twoway-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}

/** Renders PDF pages to PNG files (for looking at, and for tests that check a page rendered). */
export function pdfToPngs(pdf: Buffer, outDir: string, resolution = 60): string[] {
  const file = join(outDir, 'doc.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), file, join(outDir, 'page')]);
  return readdirSync(outDir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => join(outDir, f));
}
