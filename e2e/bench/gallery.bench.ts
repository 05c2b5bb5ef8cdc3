import { type Browser, test } from '@playwright/test';
import { ownerState } from '../accounts.js';

interface Sample {
  fcp: number;
  tti: number;
  images: number;
}

/** Loads a page in a fresh context; FCP from paint timing, TTI ≈ the later of DOMContentLoaded end and the last long task. */
async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    storageState: ownerState,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lastLongTask: number };
    w.__lastLongTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.__lastLongTask = Math.max(w.__lastLongTask, entry.startTime + entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.locator('.people-grid, .virtual-grid').first().waitFor();
  await page.waitForTimeout(1500);
  const sample = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const last = (window as unknown as { __lastLongTask: number }).__lastLongTask;
    return { fcp, tti: Math.max(fcp, nav.domContentLoadedEventEnd, last), images: document.images.length };
  });
  await context.close();
  return sample;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

test('gallery figures', async ({ browser, request }) => {
  const { rowsIn } = await import('../tests/library.js');
  const dbPath = process.env.KINDRED_BENCH_DB ?? '';
  const [bulk] = await rowsIn<{ id: number; name: string; n: number }>(
    dbPath,
    `select p.id, p.name, count(*) as n from people p join faces f on f.person_id = p.id and f.state = 'confirmed' group by p.id order by n desc limit 1`,
  );
  const pages = [
    { name: 'People', url: '/' },
    { name: `Person (${bulk?.n} photos)`, url: `/people/${bulk?.id}` },
  ];
  const table: string[] = [
    '| page | first load FCP | first load TTI | median FCP (5) | median TTI (5) | images in DOM |',
    '|---|---|---|---|---|---|',
  ];
  for (const { name, url } of pages) {
    const first = await measure(browser, url);
    const runs: Sample[] = [];
    for (let i = 0; i < 5; i++) runs.push(await measure(browser, url));
    table.push(
      `| ${name} | ${first.fcp.toFixed(0)} ms | ${first.tti.toFixed(0)} ms | ${median(runs.map((r) => r.fcp)).toFixed(0)} ms | ${median(runs.map((r) => r.tti)).toFixed(0)} ms | ${runs[0]?.images} |`,
    );
  }

  // The library's own photos (the bulk copies are re-encodes of the same pictures).
  const photos = await rowsIn<{ hash: string }>(
    dbPath,
    `select hash from photos where faces_pipeline = 'fixture'`,
  );
  const sizes = [
    { label: '160 px WebP', url: (h: string) => `/img/photo/${h}/160.webp` },
    { label: '320 px WebP', url: (h: string) => `/img/photo/${h}/320.webp` },
    { label: '640 px WebP', url: (h: string) => `/img/photo/${h}/640.webp` },
  ];
  table.push('', '| thumbnail | photos | mean | p95 | max | over 30 KB |', '|---|---|---|---|---|---|');
  for (const size of sizes) {
    const bytes: number[] = [];
    for (const photo of photos) {
      const response = await request.get(size.url(photo.hash));
      if (!response.ok()) throw new Error(`${size.url(photo.hash)} answered ${response.status()}`);
      bytes.push((await response.body()).length);
    }
    bytes.sort((a, b) => a - b);
    const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
    const p95 = bytes[Math.floor(bytes.length * 0.95)] ?? 0;
    table.push(
      `| ${size.label} | ${bytes.length} | ${kb(mean)} | ${kb(p95)} | ${kb(bytes.at(-1) ?? 0)} | ${bytes.filter((b) => b > 30 * 1024).length} |`,
    );
  }
  console.log(`\n${table.join('\n')}\n`);
});
