import type { ApiFixture } from './test-fixture.js';
import { createKindredYoga, type KindredYogaOptions } from './yoga.js';

/** GraphQL response data as tests read it: field by field, checked by assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field and checked by assertions
export type Loose = any;

export interface GqlResult<T = Record<string, Loose>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

/** A yoga server over the fixture DB and a helper that POSTs GraphQL to it as real HTTP requests. */
export function apiClient(fixture: ApiFixture, options: Partial<KindredYogaOptions> = {}) {
  const yoga = createKindredYoga({ db: fixture.db, ...options });
  async function gql<T = Record<string, Loose>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const response = await yoga.fetch('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResult<T>;
    return { ...body, status: response.status };
  }
  /** Runs a query and fails on any GraphQL error. */
  async function data<T = Record<string, Loose>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await gql<T>(query, variables);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
  return { yoga, gql, data };
}

/** Counts SQL statements prepared on the fixture's better-sqlite3 connection while `work` runs. */
export async function countStatements(fixture: ApiFixture, work: () => Promise<unknown>): Promise<number> {
  const client = fixture.db.$client;
  const prepare = client.prepare;
  let count = 0;
  client.prepare = function countedPrepare(this: typeof client, ...args: Parameters<typeof prepare>) {
    count++;
    return prepare.apply(this, args);
  } as typeof prepare;
  try {
    await work();
  } finally {
    client.prepare = prepare;
  }
  return count;
}
