import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { apiClient, type Loose } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

const skip = skipWithoutTestData();

describe('queries', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  before(() => {
    fixture = buildApiFixture();
    api = apiClient(fixture);
  });
  after(() => fixture.cleanup());

  const sqlite = () => fixture.db.$client;
  const count = (sql: string, ...params: unknown[]) =>
    (sqlite()
      .prepare(sql)
      .pluck()
      .get(...params) as number) ?? 0;

  test('people: FACE_COUNT order matches confirmed face counts, totalCount counts unmerged people', async () => {
    const { people } = await api.data(
      `{ people(first: 200) { totalCount nodes { personId name faceCount photoCount } } }`,
    );
    assert.equal(people.totalCount, count('select count(*) from people where merged_into is null'));
    const counts = people.nodes.map((p: { faceCount: number }) => p.faceCount);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    for (const person of people.nodes.slice(0, 5)) {
      assert.equal(
        person.faceCount,
        count(`select count(*) from faces where person_id = ? and state = 'confirmed'`, person.personId),
      );
    }
  });

  test('people: NAME order, named/hidden/search filters', async () => {
    const byName = await api.data(
      `{ people(first: 200, orderBy: NAME, filter: { named: true }) { nodes { name } } }`,
    );
    const names = byName.people.nodes.map((p: { name: string }) => p.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    assert.ok(names.includes('Mindy Kaling'));
    const unnamed = await api.data(`{ people(filter: { named: false }) { nodes { name personId } } }`);
    assert.deepEqual(
      unnamed.people.nodes.map((p: { personId: number }) => p.personId),
      [fixture.personIdByName.get('CompreFace person A')],
    );
    const search = await api.data(`{ people(filter: { search: "KALING" }) { nodes { name } } }`);
    assert.deepEqual(search.people.nodes, [{ name: 'Mindy Kaling' }]);
    const hidden = await api.data(`{ people(filter: { hidden: true }) { totalCount } }`);
    assert.equal(hidden.people.totalCount, 0);
  });

  test('people: forward and backward pages join up without gaps or repeats', async () => {
    const all = await api.data(`{ people(first: 200) { nodes { id } } }`);
    const ids: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Loose = await api.data(
        `query($after: String) { people(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        {
          after: cursor,
        },
      );
      ids.push(...page.people.nodes.map((n: { id: string }) => n.id));
      if (!page.people.pageInfo.hasNextPage) break;
      cursor = page.people.pageInfo.endCursor;
    }
    assert.deepEqual(
      ids,
      all.people.nodes.map((n: { id: string }) => n.id),
    );
    const last = await api.data(
      `{ people(last: 3) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }`,
    );
    assert.deepEqual(
      last.people.nodes.map((n: { id: string }) => n.id),
      ids.slice(-3),
    );
    assert.equal(last.people.pageInfo.hasPreviousPage, true);
    const empty = await api.data(`{ people(first: 0) { nodes { id } } }`);
    assert.equal(empty.people.nodes.length, 0);
  });

  test('photos: pages in takenAt order join up; last without before counts back from the end', async () => {
    const all = await api.data(
      `{ photos(first: 200, orderBy: TAKEN_AT_DESC) { totalCount nodes { hash takenAt } } }`,
    );
    assert.equal(all.photos.totalCount, count('select count(*) from photos'));
    const dates = all.photos.nodes.map((p: { takenAt: string | null }) => p.takenAt ?? '');
    assert.deepEqual(dates.filter(Boolean), [...dates.filter(Boolean)].sort().reverse());
    const first = await api.data(
      `{ photos(first: 30, orderBy: TAKEN_AT_DESC) { pageInfo { endCursor hasNextPage hasPreviousPage } nodes { hash } } }`,
    );
    assert.equal(first.photos.pageInfo.hasPreviousPage, false);
    const second = await api.data(
      `query($after: String) { photos(first: 30, after: $after, orderBy: TAKEN_AT_DESC) { pageInfo { startCursor } nodes { hash } } }`,
      {
        after: first.photos.pageInfo.endCursor,
      },
    );
    const hashes = all.photos.nodes.map((p: { hash: string }) => p.hash);
    assert.deepEqual(
      [...first.photos.nodes, ...second.photos.nodes].map((p: { hash: string }) => p.hash),
      hashes.slice(0, 60),
    );
    const back = await api.data(
      `query($before: String) { photos(last: 10, before: $before, orderBy: TAKEN_AT_DESC) { nodes { hash } } }`,
      {
        before: second.photos.pageInfo.startCursor,
      },
    );
    assert.deepEqual(
      back.photos.nodes.map((p: { hash: string }) => p.hash),
      hashes.slice(20, 30),
    );
    const tail = await api.data(
      `{ photos(last: 5, orderBy: TAKEN_AT) { nodes { hash } pageInfo { hasNextPage } } }`,
    );
    assert.deepEqual(
      tail.photos.nodes,
      all.photos.nodes
        .slice(0, 5)
        .reverse()
        .map((p: { hash: string }) => ({ hash: p.hash })),
    );
    assert.equal(tail.photos.pageInfo.hasNextPage, false);
  });

  test('person: by global id and numeric id, with photos, faces, suggestions and cover', async () => {
    const id = fixture.personIdByName.get('Barack Obama') as number;
    const query = `query($id: ID!) { person(id: $id) { id name faceCount suggestionCount coverFace { faceId cropUrl(size: 96) }
      photos(first: 50) { totalCount nodes { hash takenAt } } faces(first: 50) { nodes { state } }
      suggestions(first: 50) { nodes { state suggestionDistance } } } }`;
    const { person } = await api.data(query, { id: String(id) });
    assert.equal(person.name, 'Barack Obama');
    const again = await api.data(query, { id: person.id });
    assert.deepEqual(again, { person });
    assert.equal(
      person.photos.totalCount,
      count(`select count(distinct photo_hash) from faces where person_id = ? and state = 'confirmed'`, id),
    );
    assert.equal(person.photos.nodes.length, person.photos.totalCount);
    const dates = person.photos.nodes.map((p: { takenAt: string | null }) => p.takenAt ?? '');
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(person.faces.nodes.every((f: { state: string }) => f.state === 'CONFIRMED'));
    assert.equal(person.suggestions.nodes.length, person.suggestionCount);
    const distances = person.suggestions.nodes.map(
      (f: { suggestionDistance: number }) => f.suggestionDistance,
    );
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
    assert.equal(person.coverFace.cropUrl, `/img/face/${person.coverFace.faceId}/96.webp`);
    const missing = await api.data(`{ person(id: "999999") { id } }`);
    assert.equal(missing.person, null);
  });

  test('photos: every filter narrows to exactly the matching rows', async () => {
    const leonard = fixture.personIdByName.get('Leonard Hofstadter');
    const sheldon = fixture.personIdByName.get('Sheldon Cooper');
    const both = await api.data(
      `query($ids: [ID!]) { photos(first: 200, filter: { personIds: $ids }) { totalCount nodes { hash people { name } } } }`,
      {
        ids: [String(leonard), String(sheldon)],
      },
    );
    const expected = count(
      `select count(*) from photos p where exists (select 1 from faces where photo_hash = p.hash and person_id = ? and state = 'confirmed')
       and exists (select 1 from faces where photo_hash = p.hash and person_id = ? and state = 'confirmed')`,
      leonard,
      sheldon,
    );
    assert.ok(expected >= 2);
    assert.equal(both.photos.totalCount, expected);
    for (const photo of both.photos.nodes) {
      const names = photo.people.map((p: { name: string }) => p.name);
      assert.ok(names.includes('Leonard Hofstadter') && names.includes('Sheldon Cooper'));
    }
    const year = await api.data(
      `{ photos(first: 200, filter: { takenFrom: "2009", takenTo: "2010" }) { totalCount nodes { takenAt } } }`,
    );
    assert.equal(
      year.photos.totalCount,
      count(`select count(*) from photos where taken_at >= '2009' and taken_at < '2010'`),
    );
    assert.ok(year.photos.nodes.every((p: { takenAt: string }) => p.takenAt.startsWith('2009')));
    const starred = await api.data(`{ photos(filter: { starred: true }) { totalCount } }`);
    assert.equal(starred.photos.totalCount, count('select count(*) from photos where starred = 1'));
    const unnamed = await api.data(`{ photos(filter: { hasUnnamedFaces: true }) { totalCount } }`);
    assert.equal(
      unnamed.photos.totalCount,
      count(
        `select count(distinct f.photo_hash) from faces f left join people p on p.id = f.person_id where f.state <> 'confirmed' or p.name is null`,
      ),
    );
    const folder = `${fixture.facesDir}/opencv-course`;
    const inFolder = await api.data(
      `query($folder: String) { photos(first: 200, filter: { folder: $folder }) { totalCount nodes { paths } } }`,
      { folder },
    );
    assert.equal(
      inFolder.photos.totalCount,
      count(
        `select count(distinct content_hash) from files where path like ? and status = 'present'`,
        `${folder}/%`,
      ),
    );
    const album = await api.data(
      `{ albums { nodes { id albumId name source photoCount photos(first: 10) { totalCount nodes { hash } } } } }`,
    );
    const summer = album.albums.nodes[0];
    assert.equal(summer.source, 'PICASA');
    const inAlbum = await api.data(`query($id: ID) { photos(filter: { albumId: $id }) { totalCount } }`, {
      id: summer.id,
    });
    assert.equal(inAlbum.photos.totalCount, summer.photoCount);
    assert.equal(
      summer.photos.totalCount,
      count('select count(*) from album_photos where album_id = ?', summer.albumId),
    );
  });

  test('photo: by hash and by global id; URLs; faces left to right; node(id)', async () => {
    const hash = fixture.hashByRelativePath.get('face-api.js/groups/bbt1.jpg') as string;
    const { photo } = await api.data(
      `query($id: ID!) { photo(id: $id) { id hash paths thumbnailUrl(size: 640) originalUrl
      faces { box { x y w h } person { name } } people { name } albums { name } } }`,
      { id: hash },
    );
    assert.equal(photo.hash, hash);
    assert.equal(photo.thumbnailUrl, `/img/photo/${hash}/640.webp`);
    assert.equal(photo.originalUrl, `/img/photo/${hash}/original`);
    assert.ok(photo.paths[0].endsWith('face-api.js/groups/bbt1.jpg'));
    const xs = photo.faces.map((f: { box: { x: number } }) => f.box.x);
    assert.deepEqual(
      xs,
      [...xs].sort((a, b) => a - b),
    );
    assert.equal(
      photo.people.length,
      count(`select count(distinct person_id) from faces where photo_hash = ? and state = 'confirmed'`, hash),
    );
    const node = await api.data(`query($id: ID!) { node(id: $id) { id ... on Photo { hash } } }`, {
      id: photo.id,
    });
    assert.deepEqual(node.node, { id: photo.id, hash });
    const bad = await api.gql(`query($id: ID!) { photo(id: $id) { thumbnailUrl(size: 333) } }`, { id: hash });
    assert.match(bad.errors?.[0]?.message ?? '', /Unexpected error|size/);
  });

  test('clusters largest first; suggestions; folders; duplicates; runs; stats', async () => {
    const { clusters } = await api.data(
      `{ clusters(first: 50, minSize: 2) { nodes { id size faces(first: 3) { nodes { state } } } } }`,
    );
    const sizes = clusters.nodes.map((c: { size: number }) => c.size);
    assert.ok(sizes.length >= 5);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
    assert.ok(sizes.every((s: number) => s >= 2));
    const suggestions = await api.data(`{ suggestions(first: 200) { nodes { state person { name } } } }`);
    assert.equal(
      suggestions.suggestions.nodes.length,
      count(`select count(*) from faces where state = 'suggested'`),
    );
    const folders = await api.data(`{ folders { path photoCount } }`);
    assert.ok(
      folders.folders.some((f: { path: string }) => f.path === `${fixture.facesDir}/opencv-course/`) ||
        folders.folders.length > 5,
    );
    const total = folders.folders.reduce((sum: number, f: { photoCount: number }) => sum + f.photoCount, 0);
    assert.equal(
      total,
      count(
        `select count(*) from files f join photos p on p.hash = f.content_hash where f.status = 'present'`,
      ),
    );
    const duplicates = await api.data(`{ duplicates { nodes { hash count paths photo { hash } } } }`);
    assert.equal(duplicates.duplicates.nodes.length, 1);
    assert.equal(duplicates.duplicates.nodes[0].count, 2);
    const runs = await api.data(`{ runs { nodes { runId status report } } }`);
    assert.equal(runs.runs.nodes[0].status, 'completed');
    assert.equal(typeof runs.runs.nodes[0].report.photos, 'number');
    const { stats } = await api.data(
      `{ stats { photos faces confirmedFaces namedPeople duplicateFiles clusters } }`,
    );
    assert.equal(stats.photos, count('select count(*) from photos'));
    assert.equal(stats.faces, count('select count(*) from faces'));
    assert.equal(stats.duplicateFiles, 1);
  });
});
