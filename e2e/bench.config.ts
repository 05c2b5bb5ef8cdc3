import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { addAccounts, ownerState } from './accounts.js';
import { addBulkPerson } from './bench/bulk-person.js';
import { buildLibraryDb } from './library-db.js';
import baseConfig from './playwright.config.js';

/** Gallery benchmark: the e2e library plus one person in 2,000 photos, served by a production build on port 3101. */
const port = 3101;
const benchDir = resolve(import.meta.dirname, 'artifacts', 'bench');
const dbPath = join(benchDir, 'kindred.db');
const bulkPhotos = Number(process.env.KINDRED_BENCH_PHOTOS ?? 2000);

if (!process.env.KINDRED_BENCH_DB_READY) {
  if (!existsSync(dbPath) || process.env.KINDRED_BENCH_REBUILD) {
    mkdirSync(benchDir, { recursive: true });
    buildLibraryDb(dbPath);
    const bulk = await addBulkPerson(dbPath, join(benchDir, 'photos'), bulkPhotos);
    console.log(`bench DB: person ${bulk.personId} in ${bulk.photos} photos`);
  }
  addAccounts(dbPath);
  process.env.KINDRED_BENCH_DB_READY = '1';
}
process.env.KINDRED_BENCH_DB = dbPath;

const server = Array.isArray(baseConfig.webServer) ? baseConfig.webServer[0] : baseConfig.webServer;

export default defineConfig({
  ...baseConfig,
  testDir: './bench',
  testMatch: '*.bench.ts',
  timeout: 600_000,
  reporter: [['line']],
  webServer: server && {
    ...server,
    command: server.command.replace(/--port \d+/, `--port ${port}`),
    url: `http://127.0.0.1:${port}/login`,
    env: { ...server.env, KINDRED_DB: dbPath },
  },
  use: { ...baseConfig.use, baseURL: `http://127.0.0.1:${port}` },
  projects: [
    { name: 'sign-in', testDir: './tests', testMatch: /auth\.setup\.ts/ },
    { name: 'bench', dependencies: ['sign-in'], use: { storageState: ownerState } },
  ],
});
