import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { buildLibraryDb } from './library-db.js';

const port = Number(process.env.KINDRED_E2E_PORT ?? 3100);
const external = process.env.KINDRED_E2E_URL;
const fixtureDir = resolve(import.meta.dirname, 'artifacts', 'fixture');
const dbPath = join(fixtureDir, 'kindred.db');

// A fresh database every run (tests edit it); built once in the runner process, never in workers.
if (!external && !process.env.KINDRED_E2E_DB_READY) {
  mkdirSync(fixtureDir, { recursive: true });
  buildLibraryDb(dbPath);
  process.env.KINDRED_E2E_DB_READY = '1';
}

const web = resolve(import.meta.dirname, '..', 'apps', 'web');
// Rebuild only when a source file is newer than the last production build.
const build =
  'if [ ! -f .next/BUILD_ID ] || [ -n "$(find src next.config.ts package.json -newer .next/BUILD_ID | head -1)" ]; then npx next build; fi';

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  webServer: external
    ? undefined
    : {
        command: `cd ${web} && ${build} && npx next start --hostname 127.0.0.1 --port ${port}`,
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: false,
        timeout: 240_000,
        env: { KINDRED_DB: dbPath, NEXT_TELEMETRY_DISABLED: '1' },
        stdout: 'pipe',
      },
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
