import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { requireTestData, skipWithoutTestData } from '@kindred/testing';
import { parseContactsXml } from './contacts-xml.js';
import { parsePicasaIni } from './ini.js';
import type { PicasaIni } from './types.js';

const skip = skipWithoutTestData();
const samplesDir = () => join(requireTestData(), 'picasa', 'samples');
const parseSample = (name: string) => parsePicasaIni(readFileSync(join(samplesDir(), name)));

interface Expected {
  photos: string[];
  faces?: Record<string, [string, string][]>; // file → [rect64 hex, contact id]
  contacts?: [string, string][];
  albums?: [string, string | null][]; // token, name
  photoAlbums?: Record<string, string[]>;
  stars?: string[];
  hidden?: string[];
  rotate?: Record<string, number>;
  folder?: Partial<NonNullable<PicasaIni['folder']>>;
  utf8?: boolean;
}

const fauxToken = 'f07f69266e7760526d5b1553c7f451fa';
const expectations: Record<string, Expected> = {
  '92ganesh__IOF__.picasa.ini': { photos: ['fox.jpg'], rotate: { 'fox.jpg': 2 } },
  'AgarwalIsha__Wedding__images__.picasa.ini': { photos: ['llcc.jpg', 'llcc - Copy.jpg', 'llcc2.jpg'] },
  'AntonVanEs__image-recognition__faces__.picasa.ini': {
    photos: ['0.jpg'],
    faces: { '0.jpg': [['13a02d14d8bec7ca', 'c0643b82e098e2e1']] },
    contacts: [['c0643b82e098e2e1', 'anton']],
  },
  'Boothd__mcbooth-wedding__img__.picasa.ini': {
    photos: ['P1260139.jpg', '1-P1230587.JPG'],
    rotate: { 'P1260139.jpg': 0 },
  },
  'ChaitraRp__yearbook-1__img__.picasa.ini': {
    photos: ['DSC01657.JPG', 'DSC01554.JPG', 'deepthi.jpg', 'prasanna.jpg', 'deeksha.jpg', 'aakriti.jpg'],
  },
  'OscarPhilips__Alaska_1999__Picasa.ini': { photos: [], folder: { name: 'Alaska' }, utf8: true },
  'Rahul727__Sci-Clone-2015__images__team__.picasa.ini': {
    photos: ['rc.jpg', 'mp.jpg', 'ss.jpg', 'footer.jpg'],
  },
  'adarshpnair__memorybox__photos__.picasa.ini': { photos: ['aa.jpeg'], rotate: { 'aa.jpeg': 0 } },
  'bobdavies2000__Family__Picasa.ini': {
    photos: [],
    folder: { name: 'Family', description: null, date: '35809.694722', category: 'My Albums' },
  },
  'dotes-netizen__2004__Picasa.ini': { photos: [], folder: { name: 'cyber web', category: 'Other Stuff' } },
  'hmfaysal__Notepad__images__about__.picasa.ini': { photos: ['8.jpg', '3.jpg'] },
  'howaboutwe__find-face__faces__.picasa.ini': {
    photos: [],
    folder: { name: null, p2category: 'Exported Pictures' },
  },
  'maphew__fauxcasa__001-star-photo__after__.picasa.ini': { photos: ['photo02.jpg'], stars: ['photo02.jpg'] },
  'maphew__fauxcasa__003-create-album__after__.picasa.ini': {
    photos: ['photo01.jpg', 'photo02.jpg'],
    albums: [[fauxToken, 'Synthetic Album A']],
    photoAlbums: { 'photo01.jpg': [fauxToken], 'photo02.jpg': [fauxToken] },
  },
  'maphew__fauxcasa__004-crop-unsaved__after__.picasa.ini': { photos: ['photo04.jpg', 'photo03.jpg'] },
  'maphew__fauxcasa__013-face-tag-manual__after__.picasa.ini': { photos: ['photo04.jpg', 'photo03.jpg'] },
  'maphew__fauxcasa__014-face-tag-new-person__after__.picasa.ini': {
    photos: ['photo01.jpg', 'photo02.jpg', 'photo00.jpg'],
    faces: { 'photo00.jpg': [['6800600097ff9fff', 'ca5c88ca60f42c0b']] },
    contacts: [['ca5c88ca60f42c0b', 'synthetiic person 1200']],
    albums: [[fauxToken, 'Synthetic Album B']],
    photoAlbums: { 'photo01.jpg': [fauxToken], 'photo02.jpg': [fauxToken] },
  },
  'maphew__fauxcasa__017-hide-photo__after__.picasa.ini': {
    photos: ['photo02.jpg', 'photo00.jpg', 'photo06.jpg'],
    hidden: ['photo06.jpg'],
    rotate: { 'photo00.jpg': 1 },
  },
  'maphew__fauxcasa__022-delete-folder__before__picasaoriginals__.picasa.ini': { photos: ['photo03.jpg'] },
  'maphew__fauxcasa__026-reset-faces__after__.picasa.ini': {
    photos: ['photo01.jpg', 'photo02.jpg', 'photo00.jpg'],
    contacts: [['ca5c88ca60f42c0b', 'synthetiic person 1200']],
    albums: [[fauxToken, null]],
    folder: { name: '2015-03-15 Garden Project', p2category: 'Folders on Disk', date: '42078.416667' },
  },
  'maphew__fauxcasa__030-export-to-folder__after__.picasa.ini': {
    photos: [],
    folder: { p2category: 'Exported Pictures' },
  },
  'maphew__fauxcasa__032-hide-folder__after__.picasa.ini': {
    photos: ['photo02.jpg', 'photo00.jpg', 'photo06.jpg', 'photo01.jpg', 'photo03.jpg'],
    rotate: { 'photo00.jpg': 1 },
    folder: { p2category: 'Hidden Folders' },
  },
  'mashproject__mashproject.github.io__images__speakers__.picasa.ini': {
    photos: [
      '11817083_529069163916474_3005020589490754388_n.jpg',
      '11846725_529069137249810_2656512496061225724_n.jpg',
      '11873451_529069103916480_4881791593095942485_n.jpg',
    ],
  },
  // Not Picasa output: an annotated note. Its `#` comment lines are skipped; the data lines still parse.
  'twitham1__picasagallery__picasa.ini.txt': {
    photos: ['P7025200.ORF'],
    faces: {
      'P7025200.ORF': [
        ['3f845bcb59418507', '8e62398ebda8c1a5'],
        ['9eb15e89b6b584c1', 'd10a8325c557b085'],
      ],
    },
    stars: ['P7025200.ORF'],
    folder: { name: 'Foo Bar birthday', category: 'Folders on Disk' },
  },
};

/** Decodes rect64 independently of the parser: four 16-bit fields of the left-padded hex. */
function expectedRect(hex: string) {
  const p = hex.padStart(16, '0');
  const f = (i: number) => Number.parseInt(p.slice(i * 4, i * 4 + 4), 16) / 65535;
  return { left: f(0), top: f(1), right: f(2), bottom: f(3) };
}

describe('Picasa samples', { skip }, () => {
  test('every sample file has an expectation', () => {
    const files = readdirSync(samplesDir()).filter((f) => !f.endsWith('.tsv') && !f.endsWith('.xml'));
    assert.deepEqual(files.sort(), Object.keys(expectations).sort());
  });

  for (const [file, want] of Object.entries(expectations)) {
    test(`parses ${file}`, () => {
      const ini = parseSample(file);
      assert.deepEqual(ini.warnings, []);
      assert.equal(ini.unparsedLines, 0);
      assert.deepEqual(
        ini.photos.map((p) => p.fileName),
        want.photos,
      );
      for (const photo of ini.photos) {
        const faces = want.faces?.[photo.fileName] ?? [];
        assert.deepEqual(
          photo.faces.map((f) => ({ rect: f.rect, contactId: f.contactId })),
          faces.map(([hex, contactId]) => ({ rect: expectedRect(hex), contactId })),
          `${photo.fileName} faces`,
        );
        assert.equal(photo.star, want.stars?.includes(photo.fileName) ?? false, `${photo.fileName} star`);
        assert.equal(
          photo.hidden,
          want.hidden?.includes(photo.fileName) ?? false,
          `${photo.fileName} hidden`,
        );
        assert.equal(photo.rotate, want.rotate?.[photo.fileName] ?? null, `${photo.fileName} rotate`);
        assert.deepEqual(photo.albums, want.photoAlbums?.[photo.fileName] ?? [], `${photo.fileName} albums`);
      }
      assert.deepEqual([...ini.contacts], want.contacts ?? []);
      assert.deepEqual(
        ini.albums.map((a) => [a.token, a.name]),
        want.albums ?? [],
      );
      if (want.folder)
        for (const [k, v] of Object.entries(want.folder)) assert.equal(ini.folder?.[k as 'name'], v, k);
      else assert.equal(ini.folder, null);
      assert.equal(ini.utf8, want.utf8 ?? false);
    });
  }

  test('worked examples of FORMAT.md decode to the documented pixel boxes', () => {
    const anton = parseSample('AntonVanEs__image-recognition__faces__.picasa.ini').photos[0]?.faces[0]?.rect;
    assert.ok(anton);
    const px = (r: typeof anton, w: number, h: number) =>
      [r.left * w, r.top * h, r.right * w, r.bottom * h].map((v) => Math.round(v));
    assert.deepEqual(px(anton, 300, 460), [23, 81, 254, 359]);
    const faux = parseSample('maphew__fauxcasa__014-face-tag-new-person__after__.picasa.ini').photos[2]
      ?.faces[0]?.rect;
    assert.ok(faux);
    assert.deepEqual(px(faux, 1600, 1200), [650, 450, 950, 750]);
  });

  test('the fauxcasa contacts.xml gives the name of the 014 face', () => {
    const xml = parseContactsXml(
      readFileSync(join(samplesDir(), 'maphew__fauxcasa__014-face-tag-new-person__after__contacts.xml')),
    );
    assert.deepEqual(xml.warnings, []);
    assert.deepEqual([...xml.contacts], [['ca5c88ca60f42c0b', 'synthetiic person 1200']]);
  });
});
