import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { addAccounts, freshInstallDb, freshInstallDir, freshPort, ownerState } from './accounts.js';
import { buildLibraryDb } from './library-db.js';

const port = Number(process.env.KINDRED_E2E_PORT ?? 3100);
const external = process.env.KINDRED_E2E_URL;
const fixtureDir = resolve(import.meta.dirname, 'artifacts', 'fixture');
const dbPath = join(fixtureDir, 'kindred.db');

// A fresh database every run (tests edit it); built once in the runner process, never in workers.
if (!external && !process.env.KINDRED_E2E_DB_READY) {
  mkdirSync(fixtureDir, { recursive: true });
  buildLibraryDb(dbPath);
  addAccounts(dbPath);
  rmSync(freshInstallDir, { recursive: true, force: true }); // a second server shows a brand-new install
  mkdirSync(freshInstallDir, { recursive: true });
  process.env.KINDRED_E2E_DB_READY = '1';
}

const web = resolve(import.meta.dirname, '..', 'apps', 'web');
// Build the gallery once, before both servers start; only when a source file is newer than the last build.
if (!external && !process.env.KINDRED_E2E_BUILT) {
  const build =
    'if [ ! -f .next/BUILD_ID ] || [ -n "$(find src bin next.config.ts package.json ../../packages/auth/dist ../../packages/db/dist -newer .next/BUILD_ID | head -1)" ]; then npx next build; fi';
  execSync(build, { cwd: web, stdio: 'inherit' });
  process.env.KINDRED_E2E_BUILT = '1';
}

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  webServer: external
    ? undefined
    : [
        {
          command: `cd ${web} && node bin/serve.mjs --host 127.0.0.1 --port ${port}`,
          url: `http://127.0.0.1:${port}/login`,
          reuseExistingServer: false,
          timeout: 240_000,
          // Many sign-ins from one address in a few minutes: the per-address limit is tested in @kindred/auth.
          env: { KINDRED_DB: dbPath, NEXT_TELEMETRY_DISABLED: '1', KINDRED_SIGNIN_PER_MINUTE: '1000' },
          stdout: 'pipe',
        },
        {
          // The same build on an empty database: what a fresh install shows (tests/access.spec.ts).
          command: `cd ${web} && node bin/serve.mjs --host 127.0.0.1 --port ${freshPort}`,
          url: `http://127.0.0.1:${freshPort}/setup`,
          reuseExistingServer: false,
          timeout: 240_000,
          env: { KINDRED_DB: freshInstallDb, NEXT_TELEMETRY_DISABLED: '1' },
        },
      ],
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    { name: 'gallery', dependencies: ['sign-in'], use: { storageState: ownerState } },
  ],
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
