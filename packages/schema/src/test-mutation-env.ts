import { after, beforeEach } from 'node:test';
import { apiClient, type Loose } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

/** A fresh fixture DB and API client for every test (mutations change the data), plus SQL helpers. */
export function mutationEnv() {
  const env = {
    fixture: undefined as unknown as ApiFixture,
    api: undefined as unknown as ReturnType<typeof apiClient>,
    /** Boxes the injected describeBox was asked to describe. */
    described: [] as { path: string; box: unknown }[],
    row: (sql: string, ...params: unknown[]) =>
      env.fixture.db.$client.prepare(sql).get(...params) as Record<string, Loose>,
    rows: (sql: string, ...params: unknown[]) =>
      env.fixture.db.$client.prepare(sql).all(...params) as Record<string, Loose>[],
    lastEdit: (): Record<string, Loose> => {
      const edit = env.row('select * from edits order by id desc limit 1');
      return { ...edit, payload: JSON.parse(edit.payload) };
    },
    person: (name: string) => env.fixture.personIdByName.get(name) as number,
    faceOf: (personId: number, state: string) =>
      env.row(
        'select id, photo_hash from faces where person_id = ? and state = ? order by id limit 1',
        personId,
        state,
      ) as {
        id: number;
        photo_hash: string;
      },
  };
  beforeEach(() => {
    env.fixture?.cleanup();
    env.fixture = buildApiFixture();
    env.described.length = 0;
    env.api = apiClient(env.fixture, {
      describeBox: async (path, box) => {
        env.described.push({ path, box });
        return { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), landmarks: [0.5, 0.5] };
      },
    });
  });
  after(() => env.fixture?.cleanup());
  return env;
}
