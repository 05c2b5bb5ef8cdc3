import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '@kindred/testing';
import { mayHoldXmp } from './read-photo.js';

const PACKET = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>';

/** UTF-16 big-endian text (Node has no such encoding: little-endian with each pair of bytes swapped). */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

test('the quick XMP check finds packets in UTF-8 and UTF-16 of either byte order, and skips files without one', () => {
  const tmp = tempDir();
  try {
    const head = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]);
    const cases: [string, Buffer, boolean][] = [
      ['utf8.jpg', Buffer.concat([head, Buffer.from(PACKET)]), true],
      ['utf16le.jpg', Buffer.concat([head, Buffer.from([0xff, 0xfe]), Buffer.from(PACKET, 'utf16le')]), true],
      ['utf16be.jpg', Buffer.concat([head, Buffer.from([0xfe, 0xff]), utf16be(PACKET)]), true],
      ['old-name.jpg', Buffer.concat([head, Buffer.from(PACKET.replaceAll('xmpmeta', 'xapmeta'))]), true],
      [
        'none.jpg',
        Buffer.concat([head, Buffer.from('<x:other>xmp meta</x:other>'), Buffer.alloc(2000, 7)]),
        false,
      ],
      // Too large to read whole: exifr is asked (true), whatever the bytes.
      ['large.jpg', Buffer.alloc(64 * 1024 + 1, 7), true],
    ];
    for (const [name, bytes, expected] of cases) {
      const path = join(tmp.path, name);
      writeFileSync(path, bytes);
      assert.equal(mayHoldXmp(path), expected, name);
    }
  } finally {
    tmp.cleanup();
  }
});
