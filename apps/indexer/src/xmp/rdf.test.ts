import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { requireTestData, skipWithoutTestData } from '@kindred/testing';
import { jpegSegments, jpegWithXmp, jpegXmpPacket } from './jpeg.js';
import { mergeRegions } from './merge.js';
import { parseXmp } from './rdf.js';
import { readPhotoXmp } from './read-photo.js';
import { facesOfXmp } from './regions.js';
import { XmpSyntaxError } from './xml.js';

const round = (b: { x: number; y: number; w: number; h: number } | undefined) =>
  b && Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Number(v.toFixed(6))]));

const wrap = (body: string, ns = '') =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${body.replace('NS', ns)}</rdf:RDF></x:xmpmeta>`;

describe('XMP face regions, whatever RDF form the writer chose', () => {
  test('Lightroom style: attributes, nested rdf:Description, another prefix, entities', () => {
    const xmp = wrap(
      `<rdf:Description rdf:about="" xmlns:r="http://www.metadataworkinggroup.com/schemas/regions/"
         xmlns:a="http://ns.adobe.com/xmp/sType/Area#" xmlns:d="http://ns.adobe.com/xap/1.0/sType/Dimensions#">
        <r:Regions><rdf:Description><r:AppliedToDimensions d:w="4000" d:h="3000" d:unit="pixel"/>
          <r:RegionList><rdf:Bag>
            <rdf:li><rdf:Description r:Name="Mum &amp; Dad" r:Type="Face">
              <r:Area a:x="0.5" a:y="0.5" a:w="0.2" a:h="0.4" a:unit="normalized"/></rdf:Description></rdf:li>
            <rdf:li><rdf:Description r:Name="Rex" r:Type="Pet"><r:Area a:x="0.1" a:y="0.1" a:w="0.1" a:h="0.1"/></rdf:Description></rdf:li>
            <rdf:li r:Type="Face"><r:Area a:x="0.5" a:y="0.5"/></rdf:li>
          </rdf:Bag></r:RegionList></rdf:Description></r:Regions></rdf:Description>`,
    );
    const faces = facesOfXmp(parseXmp(xmp));
    assert.deepEqual(faces.appliedTo, { w: 4000, h: 3000 });
    assert.equal(faces.regions.length, 1, 'the pet is not a face; the area without size is skipped');
    assert.equal(faces.regions[0]?.name, 'Mum & Dad');
    assert.deepEqual(round(faces.regions[0]?.box), { x: 0.4, y: 0.3, w: 0.2, h: 0.4 });
    assert.equal(faces.warnings.length, 1);
  });

  test('pixel units, MP regions (Picasa unnamed id = no name), PersonInImage', () => {
    const xmp = wrap(
      `<rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
         xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
         xmlns:MP="http://ns.microsoft.com/photo/1.2/" xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
         xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
        <mwg-rs:Regions rdf:parseType="Resource">
          <mwg-rs:AppliedToDimensions rdf:parseType="Resource"><stDim:w>200</stDim:w><stDim:h>100</stDim:h></mwg-rs:AppliedToDimensions>
          <mwg-rs:RegionList><rdf:Bag><rdf:li rdf:parseType="Resource"><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Name>Ann</mwg-rs:Name>
            <mwg-rs:Area rdf:parseType="Resource"><stArea:x>100</stArea:x><stArea:y>50</stArea:y><stArea:w>40</stArea:w><stArea:h>20</stArea:h><stArea:unit>pixel</stArea:unit></mwg-rs:Area>
          </rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
        <MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag>
          <rdf:li MPReg:Rectangle="0.1, 0.2, 0.3, 0.4" MPReg:PersonDisplayName="ffffffffffffffff"/>
          <rdf:li rdf:parseType="Resource"><MPReg:PersonDisplayName>Only a name</MPReg:PersonDisplayName></rdf:li>
        </rdf:Bag></MPRI:Regions></MP:RegionInfo>
        <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Ann</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
      </rdf:Description>`,
    );
    const faces = facesOfXmp(parseXmp(xmp));
    assert.deepEqual(
      faces.regions.map((r) => [r.convention, r.name, round(r.box)]),
      [
        ['mwg', 'Ann', { x: 0.4, y: 0.4, w: 0.2, h: 0.2 }],
        ['mp', null, { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }],
      ],
    );
    assert.deepEqual(faces.personInImage, ['Ann']);
  });

  test('malformed XML and XML that is not XMP are clear errors', () => {
    assert.throws(() => parseXmp('<x:xmpmeta><rdf:RDF></x:xmpmeta>'), XmpSyntaxError);
    assert.throws(() => parseXmp('<html/>'), /no rdf:RDF/);
  });

  test('merging keeps other properties and non-face regions, and repeats exactly', () => {
    const existing = wrap(
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
        xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"><dc:creator><rdf:Seq><rdf:li>Grandpa &lt;3</rdf:li></rdf:Seq></dc:creator>
        <mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
          <rdf:li rdf:parseType="Resource"><mwg-rs:Type>Pet</mwg-rs:Type><mwg-rs:Name>Rex</mwg-rs:Name></rdf:li>
          <rdf:li rdf:parseType="Resource"><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Name>Old</mwg-rs:Name></rdf:li>
        </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions></rdf:Description>`,
    );
    const update = {
      faces: [{ box: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, name: 'Ann' }],
      stored: null,
      mp: true,
    };
    const once = mergeRegions(existing, update);
    assert.match(once, /Grandpa &lt;3/);
    const top = parseXmp(once);
    const faces = facesOfXmp(top);
    assert.deepEqual(
      faces.regions.map((r) => [r.convention, r.name]),
      [
        ['mwg', 'Ann'],
        ['mp', 'Ann'],
      ],
    );
    assert.match(once, /<mwg-rs:Type>Pet<\/mwg-rs:Type>/, 'the pet region is kept');
    assert.doesNotMatch(once, /Old/, 'the old face list is replaced');
    assert.equal(mergeRegions(once, update), once, 'a second merge changes nothing');
  });
});

test('a PNG whose XMP sits in an iTXt chunk reads (exifr leaves the chunk header before it)', {
  skip: skipWithoutTestData(),
}, async () => {
  const png = join(requireTestData(), 'faces', 'face_recognition', 'barack_obama', 'obama2_32bit_rgba.png');
  const read = await readPhotoXmp(png, []);
  assert.deepEqual(read.regions, []);
});

describe('JPEG XMP segment', () => {
  // SOI, APP0 (JFIF), DQT stand-in, SOS, two bytes of data, EOI.
  const jpeg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xdb, 0x00, 0x03, 0x01, 0xff, 0xda, 0x00, 0x02,
    0x12, 0x34, 0xff, 0xd9,
  ]);

  test('inserted after APP0, then replaced in place; every other byte kept', () => {
    const once = jpegWithXmp(jpeg, '<x:xmpmeta>one</x:xmpmeta>');
    assert.equal(jpegXmpPacket(once), '<x:xmpmeta>one</x:xmpmeta>');
    assert.ok(once.subarray(0, 8).equals(jpeg.subarray(0, 8)), 'SOI and APP0 first');
    assert.ok(once.subarray(once.length - 13).equals(jpeg.subarray(8)), 'the rest unchanged');
    const twice = jpegWithXmp(once, '<x:xmpmeta>two, longer</x:xmpmeta>');
    assert.equal(jpegXmpPacket(twice), '<x:xmpmeta>two, longer</x:xmpmeta>');
    assert.equal(jpegSegments(twice).segments.length, 3, 'APP0, XMP, DQT: no second XMP segment');
  });

  test('a packet too big for one segment, a truncated file: errors, nothing written', () => {
    assert.throws(() => jpegWithXmp(jpeg, 'x'.repeat(70000)), /does not fit/);
    assert.throws(() => jpegWithXmp(jpeg.subarray(0, 10), 'x'), /truncated/);
  });
});
