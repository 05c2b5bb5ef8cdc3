import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { parseContactsXml } from './contacts-xml.js';
import { MAX_WARNINGS_PER_FILE, parsePicasaIni } from './ini.js';
import { decodeRect64, normalizeContactId } from './rect64.js';

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('rect64', () => {
  test('left-pads values written without leading zeros', () => {
    assert.deepEqual(decodeRect64('ffffffff'), { rect: { left: 0, top: 0, right: 1, bottom: 1 } });
    const twelve = decodeRect64('222fffffffff');
    assert.ok('rect' in twelve);
    assert.equal(twelve.rect.left, 0);
    assert.equal(twelve.rect.top, 0x222f / 65535);
  });
  test('rejects empty, non-hex, too long, inverted and empty rectangles', () => {
    for (const bad of [
      '',
      'xyz',
      '12345678901234567',
      '9000000080000000',
      '0000500000004000',
      '0000000000000000',
    ]) {
      assert.ok('error' in decodeRect64(bad), bad);
    }
  });
  test('contact ids are left-padded to 16 lowercase digits', () => {
    assert.equal(normalizeContactId('CB989580BC43A91'), '0cb989580bc43a91');
    assert.equal(normalizeContactId('xyz'), null);
    assert.equal(normalizeContactId('1'.repeat(17)), null);
  });
});

describe('parsePicasaIni on bad input', () => {
  test('malformed lines warn with their line number and the rest still parses', () => {
    const ini = parsePicasaIni(
      crlf(
        'orphan=1',
        '[a.jpg]',
        'this line has no equals sign',
        'faces=rect64(6800600097ff9fff),ca5c88ca60f42c0b;rect64(12ab,1234;rect64(zz00),1;rect64(9000000080000000),2;rect64(),3',
        'star=yes',
        '[broken section',
        'faces=rect64(6800600097ff9fff),1',
        '[b.jpg]',
        'faces=rect64(6800600097ff9fff),not-hex',
        'rotate=rotate(7)',
        '[../escape.jpg]',
        'star=yes',
        '[Contacts2]',
        'nothex=Someone;;',
        'ca5c88ca60f42c0b=Alice;;',
      ),
    );
    assert.deepEqual(
      ini.photos.map((p) => [p.fileName, p.faces.length, p.star]),
      [
        ['a.jpg', 1, true],
        ['b.jpg', 0, false],
      ],
    );
    assert.deepEqual([...ini.contacts], [['ca5c88ca60f42c0b', 'Alice']]);
    const lines = ini.warnings.map((w) => w.line);
    assert.deepEqual(lines, [1, 3, 4, 4, 4, 4, 6, 9, 10, 11, 14]);
    assert.equal(ini.unparsedLines, 8);
    assert.match(ini.warnings[2]?.message ?? '', /rect64\(12ab,1234/);
    assert.match(ini.warnings[3]?.message ?? '', /not hexadecimal/);
    assert.match(ini.warnings[4]?.message ?? '', /inverted/);
    assert.match(ini.warnings[5]?.message ?? '', /empty/);
  });

  test('a truncated file keeps everything before the cut', () => {
    const ini = parsePicasaIni('[a.jpg]\nfaces=rect64(6800600097ff9fff),1\n[b.jpg]\nfaces=rect64(68006000');
    assert.equal(ini.photos[0]?.faces.length, 1);
    assert.equal(ini.photos[1]?.faces.length, 0);
    assert.deepEqual(
      ini.warnings.map((w) => w.line),
      [4],
    );
  });

  test('sections in any order, repeated sections merge, unknown keys and [Contacts] are ignored', () => {
    const ini = parsePicasaIni(
      crlf(
        '[Contacts2]',
        '1=Bob;;',
        '[x.jpg]',
        'albums=AAAA',
        'caption=hello',
        '[Contacts]',
        'd10a8325c557b085=joedoe_lh,cb989580bc43a91',
        '[x.jpg]',
        'albums=aaaa,bbbb',
        '[.album:aaaa]',
        'name=Holiday',
      ),
    );
    assert.equal(ini.photos.length, 1);
    assert.deepEqual(ini.photos[0]?.albums, ['aaaa', 'bbbb']);
    assert.deepEqual([...ini.contacts], [['0000000000000001', 'Bob']]);
    assert.equal(ini.albums[0]?.name, 'Holiday');
    assert.deepEqual(ini.warnings, []);
  });

  test('binary garbage does not throw and warns per line', () => {
    const bytes = Buffer.alloc(20000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const ini = parsePicasaIni(bytes);
    assert.ok(ini.unparsedLines > 0);
    assert.ok(ini.warnings.every((w) => Number.isInteger(w.line) && w.line >= 0));
  });

  test('warnings are capped per file but every bad line is counted', () => {
    const text = Array.from({ length: MAX_WARNINGS_PER_FILE + 500 }, () => 'garbage').join('\n');
    const ini = parsePicasaIni(text);
    assert.equal(ini.unparsedLines, MAX_WARNINGS_PER_FILE + 500);
    assert.equal(ini.warnings.length, MAX_WARNINGS_PER_FILE);
    assert.equal(ini.warningsNotListed, 500);
  });
});

describe('text decoding', () => {
  test('UTF-8 names stay UTF-8, Windows-1252 names are decoded as such, line by line', () => {
    const utf8 = Buffer.from('[Contacts2]\r\n1=José María Aznar;;\r\n', 'utf8');
    const cp1252 = iconv.encode('2=Zoë “Nana” Müller;;\r\n', 'win1252');
    const ini = parsePicasaIni(Buffer.concat([utf8, cp1252]));
    assert.deepEqual([...ini.contacts.values()], ['José María Aznar', 'Zoë “Nana” Müller']);
  });
  test('a UTF-8 byte-order mark is dropped', () => {
    const ini = parsePicasaIni(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[a.jpg]\nstar=yes')]),
    );
    assert.equal(ini.photos[0]?.fileName, 'a.jpg');
  });
});

describe('parseContactsXml', () => {
  test('XML-unescapes names and pads ids', () => {
    const xml = parseContactsXml(
      '<contacts>\r\n <contact id="ABC" name="Mum &amp; Dad" modified_time="x" local_contact="1"/>\r\n</contacts>',
    );
    assert.deepEqual([...xml.contacts], [['0000000000000abc', 'Mum & Dad']]);
  });
  test('Windows-1252 bytes are decoded when the file is not valid UTF-8', () => {
    const xml = parseContactsXml(
      iconv.encode('<contacts><contact id="1" name="Zoë"/></contacts>', 'win1252'),
    );
    assert.equal(xml.contacts.get('0000000000000001'), 'Zoë');
  });
  test('malformed XML and bad entries give warnings, not exceptions', () => {
    assert.equal(parseContactsXml('<contacts><contact id="1" name="x"').warnings.length, 1);
    const partial = parseContactsXml(
      '<contacts><contact name="no id"/><contact id="2"/><contact id="3" name="Ok"/></contacts>',
    );
    assert.deepEqual([...partial.contacts], [['0000000000000003', 'Ok']]);
    assert.equal(partial.warnings.length, 2);
    assert.equal(parseContactsXml(Buffer.from([0, 1, 2, 255])).contacts.size, 0);
  });
});
