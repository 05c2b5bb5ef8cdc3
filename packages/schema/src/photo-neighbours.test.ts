import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { apiClient } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

describe('photoNeighbours', { skip: skipWithoutTestData() }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  before(() => {
    fixture = buildApiFixture();
    api = apiClient(fixture);
    // Scanned prints carry no date: some undated photos must be reachable with the arrow keys too.
    fixture.db.$client.prepare('update photos set taken_at = null where rowid % 5 = 0').run();
  });
  after(() => fixture.cleanup());

  const order = async (filter: Record<string, unknown>) => {
    const { photos } = await api.data(
      `query($filter: PhotoFilter) { photos(filter: $filter, orderBy: TAKEN_AT, first: 200) { nodes { hash takenAt } } }`,
      { filter },
    );
    return (photos.nodes as { hash: string; takenAt: string | null }[]).map((n) => n.hash);
  };

  const walk = async (
    start: string,
    filter: Record<string, unknown>,
    field: 'nextHash' | 'previousHash',
    limit: number,
  ) => {
    const seen: string[] = [start];
    for (let current: string | null | undefined = start; seen.length < limit; ) {
      const { photoNeighbours }: { photoNeighbours: Record<string, string | null> } = await api.data(
        `query($id: ID!, $filter: PhotoFilter) { photoNeighbours(id: $id, filter: $filter) { previousHash nextHash } }`,
        { id: current, filter },
      );
      current = photoNeighbours[field];
      if (!current) break;
      seen.push(current);
    }
    return seen;
  };

  test('next and previous walk the same order as the photo grid, undated photos included', async () => {
    const grid = await order({});
    assert.ok(grid.length > 10);
    const undated = fixture.db.$client
      .prepare('select count(*) from photos where taken_at is null')
      .pluck()
      .get();
    assert.ok(Number(undated) > 0);
    assert.deepEqual(await walk(grid[0] as string, {}, 'nextHash', grid.length), grid);
    const last = grid[Math.min(grid.length, 30) - 1] as string;
    const backward = await walk(last, {}, 'previousHash', 200);
    assert.deepEqual(backward, grid.slice(0, Math.min(grid.length, 30)).reverse());
  });

  test('within a person, neighbours stay among that person’s photos', async () => {
    const personId = fixture.db.$client
      .prepare(
        `select person_id from faces where state = 'confirmed' and person_id is not null
         group by person_id order by count(distinct photo_hash) desc limit 1`,
      )
      .pluck()
      .get();
    const filter = { personIds: [String(personId)] };
    const grid = await order(filter);
    assert.ok(grid.length >= 2);
    assert.deepEqual(await walk(grid[0] as string, filter, 'nextHash', 200), grid);
  });
});
