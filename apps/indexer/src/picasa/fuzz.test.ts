import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '@kindred/testing';
import { parsePicasaIni } from './ini.js';

/** Small seeded PRNG (mulberry32) so every failing case can be reproduced. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  '[IMG_0001.JPG]',
  '[Picasa]',
  '[Contacts2]',
  '[.album:0123abcd]',
  '[encoding]',
  '[',
  ']',
  '[]',
  '[Contacts]',
  'faces=rect64(6800600097ff9fff),ca5c88ca60f42c0b',
  'faces=rect64(ffffffff),1;rect64(12),2;',
  'faces=rect64(',
  'albums=0123abcd,zz',
  'star=yes',
  'hidden=yes',
  'rotate=rotate(3)',
  'rotate=rotate(',
  'name=Émile',
  'token=0123abcd',
  'ca5c88ca60f42c0b=Ann;;',
  '=',
  '==',
  'backuphash=1',
  'moddate=09891e5fc442d401',
  '\u0000\u0001',
  '\uFFFD',
  'é',
];

function generate(rand: () => number): string {
  const lines: string[] = [];
  const count = Math.floor(rand() * 40);
  for (let i = 0; i < count; i++) {
    let line = pieces[Math.floor(rand() * pieces.length)] ?? '';
    if (rand() < 0.3) {
      const at = Math.floor(rand() * (line.length + 1));
      const junk = String.fromCharCode(Math.floor(rand() * 0x3000));
      line = rand() < 0.5 ? line.slice(0, at) + junk + line.slice(at) : line.slice(0, at);
    }
    lines.push(line);
  }
  return lines.join(rand() < 0.5 ? '\r\n' : rand() < 0.5 ? '\n' : '\r');
}

test('fuzz: 5000 generated and mutated ini texts never throw, warnings carry valid line numbers', () => {
  const rand = prng(20261122);
  for (let i = 0; i < 5000; i++) {
    const text = generate(rand);
    const input = rand() < 0.5 ? text : Buffer.from(text, rand() < 0.5 ? 'utf8' : 'latin1');
    const ini = parsePicasaIni(input);
    const asText = typeof input === 'string' ? input : input.toString('latin1');
    const lineCount = asText.split(/\r\n|\n|\r/).length;
    for (const w of ini.warnings) {
      assert.ok(Number.isInteger(w.line) && w.line >= 1 && w.line <= lineCount, `case ${i}: line ${w.line}`);
      assert.ok(w.message.length > 0);
    }
    assert.equal(new Set(ini.warnings.map((w) => w.line)).size, ini.unparsedLines, `case ${i}`);
    for (const photo of ini.photos) {
      for (const face of photo.faces) {
        const { left, top, right, bottom } = face.rect;
        assert.ok(
          left >= 0 && top >= 0 && right <= 1 && bottom <= 1 && left < right && top < bottom,
          `case ${i}`,
        );
        assert.match(face.contactId, /^[0-9a-f]{16}$/);
      }
    }
  }
});

test('fuzz: random bytes never throw', () => {
  const rand = prng(42);
  for (let i = 0; i < 2000; i++) {
    const bytes = Buffer.alloc(Math.floor(rand() * 512));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
    const ini = parsePicasaIni(bytes);
    assert.ok(ini.warnings.every((w) => w.line >= 0));
  }
});

test('a 50 MB ini parses without crashing and keeps its good sections', () => {
  const dir = tempDir();
  try {
    const path = join(dir.path, '.picasa.ini');
    const block =
      '[IMG_%.JPG]\r\nbackuphash=1\r\nfaces=rect64(6800600097ff9fff),ca5c88ca60f42c0b\r\nnot a line\r\n';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const part = block.replace('%', String(i));
      parts.push(part);
      size += part.length;
    }
    writeFileSync(path, parts.join(''));
    const ini = parsePicasaIni(readFileSync(path));
    assert.equal(ini.photos.length, parts.length);
    assert.equal(ini.unparsedLines, parts.length);
    assert.equal(ini.photos.at(-1)?.faces.length, 1);
  } finally {
    dir.cleanup();
  }
});
