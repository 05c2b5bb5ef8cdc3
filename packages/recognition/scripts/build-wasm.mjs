// Rebuilds the SIMD distance kernel: compiles wasm/dots.wat and writes its bytes (base64) into
// src/simd.ts. Needs wabt, which is not a dependency (the bytes are committed):
//   npm exec --yes --package=wabt@1.0.39 -- node scripts/build-wasm.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/`);
const wabt = await require(process.env.WABT_PATH ?? 'wabt')();
const here = new URL('..', import.meta.url);
const source = readFileSync(new URL('wasm/dots.wat', here), 'utf8');
const module = wabt.parseWat('dots.wat', source, { simd: true });
module.validate();
const base64 = Buffer.from(module.toBinary({}).buffer).toString('base64');
const file = new URL('src/simd.ts', here);
const ts = readFileSync(file, 'utf8').replace(
  /const DOTS_WASM =\n {2}'[^']*';/,
  `const DOTS_WASM =\n  '${base64}';`,
);
writeFileSync(file, ts);
console.log(`src/simd.ts: ${base64.length} base64 characters`);
