import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPreview } from '../preview/server';
import { BENCH_ADMIN } from '../fixtures/generate';

/** The day the benchmark's meetings are booked on: far ahead, so they stay bookable in a cached data set. */
const DAY = '2030-01-15';
const BATCH = 30;

/**
 * Memory (MB) of the processes that make the PDFs: every process under this one (headless
 * Chromium: browser, renderer, GPU and utility processes), as proportional set size from
 * /proc/<pid>/smaps_rollup, so the libraries and shared memory they share are counted once, not
 * once per process (summing RSS would). This process (the core, the benchmark's caches) is apart.
 */
function chromiumMemoryMb(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  tree.delete(process.pid);
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between ps and the read.
    }
  }
  return Math.round(kb / 1024);
}

/**
 * Meeting packs on the benchmark's data set, through Chromium's PDF path (the preview's headless
 * Chromium, as the tests use; the app's hidden window runs the same layout): one child's pack, and a
 * batch of 30, each written to a folder. Needs the renderer built (`npm run build:renderer`).
 */
export async function benchPacks(dataDir: string, log: (m: string) => void) {
  const preview = await startPreview({ dataDir });
  const { core } = preview;
  const folder = mkdtempSync(join(tmpdir(), 'twoway-bench-packs-'));
  let peakMb = chromiumMemoryMb();
  let corePeakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, chromiumMemoryMb());
    corePeakMb = Math.max(corePeakMb, Math.round(process.memoryUsage().rss / 1048576));
  }, 250);
  try {
    await core.invoke('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
    let { meetings } = await core.invoke('meetings.between', { from: DAY, to: DAY });
    if (meetings.length < BATCH) {
      log(`  booking ${BATCH} meetings on ${DAY} (kept with the data set)`);
      const { children } = await core.invoke('children.list', {});
      for (const [i, child] of children.slice(0, BATCH).entries()) {
        const who = await core.invoke('meetings.invitable', { childId: child.id });
        const at = `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
        await core.invoke('meetings.book', { childId: child.id, on: DAY, at, durationMinutes: 15, format: 'in-person', carerIds: who.carers.map((c) => c.id), sharedCareIds: who.partners.map((p) => p.sharedCareId) });
      }
      ({ meetings } = await core.invoke('meetings.between', { from: DAY, to: DAY }));
    }
    // The first pack starts Chromium: not counted.
    await core.invoke('packs.save', { meetingId: meetings[0].meetingId, folder });
    const single: number[] = [];
    let one = { pages: 0, bytes: 0 };
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      one = await core.invoke('packs.save', { meetingId: meetings[i].meetingId, folder });
      single.push(performance.now() - t);
    }
    const t = performance.now();
    let pages = 0;
    let bytes = 0;
    for (const m of meetings.slice(0, BATCH)) {
      const made = await core.invoke('packs.save', { meetingId: m.meetingId, folder });
      pages += made.pages;
      bytes += made.bytes;
    }
    const pack30Ms = performance.now() - t;
    single.sort((a, b) => a - b);
    return { packMs: single[2], packPages: one.pages, packBytes: one.bytes, pack30Ms, pack30Pages: pages, pack30Bytes: bytes, packPeakMb: peakMb, packCorePeakMb: corePeakMb };
  } finally {
    clearInterval(sampler);
    await preview.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
