import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { backendInfo, forcedBackend } from './backend.js';

const require = createRequire(import.meta.url);
const indexUrl = new URL('./index.js', import.meta.url).href;

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Runs a snippet in a fresh Node process (backend choice is once per process) and parses its JSON output. */
function inChild(code: string, env: Record<string, string> = {}): unknown {
  const script = `const m = await import(${JSON.stringify(indexUrl)}); ${code}`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, KINDRED_BACKEND: '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test('automatic choice: a tensorflow binding when one loads, else wasm with SIMD, and says why', async () => {
  delete process.env.KINDRED_BACKEND;
  const info = await backendInfo();
  assert.notEqual(info.name, 'cpu');
  if (info.name !== 'wasm') return;
  // tfjs-node absent (or present without its native library): each skipped binding is named with the reason.
  assert.equal(info.simd, true);
  assert.match(info.reason, /^tensorflow-gpu: [^;]+; tensorflow: [^;]+; wasm: chosen$/);
  if (!installed('@tensorflow/tfjs-node')) assert.match(info.reason, /tensorflow: not installed/);
});

test('KINDRED_BACKEND=cpu forces the pure-JS backend (never chosen otherwise)', () => {
  const info = inChild('console.log(JSON.stringify(await m.backendInfo()))', { KINDRED_BACKEND: 'cpu' });
  assert.deepEqual(info, { name: 'cpu', reason: 'forced by KINDRED_BACKEND=cpu' });
});

test('KINDRED_BACKEND=tensorflow fails with a clear message where the binding cannot load', async (t) => {
  if ((await backendInfo()).name !== 'wasm') return t.skip('a tensorflow binding loads here');
  const message = inChild(
    'await m.backendInfo().then(() => console.log("null"), (e) => console.log(JSON.stringify(e.message)))',
    { KINDRED_BACKEND: 'tensorflow' },
  );
  assert.match(String(message), /^KINDRED_BACKEND=tensorflow cannot run: /);
});

test('an unknown KINDRED_BACKEND value is refused', () => {
  assert.throws(
    () => forcedBackend('gpu'),
    /KINDRED_BACKEND must be one of tensorflow-gpu, tensorflow, wasm, cpu/,
  );
  assert.equal(forcedBackend(''), undefined);
  assert.equal(forcedBackend('wasm'), 'wasm');
});

test('importing the package loads no tfjs or model code', () => {
  const loaded = inChild(
    `const { createRequire } = await import('node:module');
     console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((k) => /tfjs|face-api/.test(k))))`,
  );
  assert.deepEqual(loaded, []);
});
