import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { cacheStatements } from './statement-cache.js';

function connection(capacity: number) {
  const sqlite = new Database(':memory:');
  sqlite.exec("create table t (a integer, b text); insert into t values (1, 'one'), (2, 'two')");
  cacheStatements(sqlite, capacity);
  return sqlite;
}

describe('cacheStatements', () => {
  it('hands back the statement prepared before for the same SQL, in its default modes', () => {
    const sqlite = connection(8);
    const first = sqlite.prepare('select a, b from t order by a');
    assert.deepEqual(first.raw().all(), [
      [1, 'one'],
      [2, 'two'],
    ]);
    const again = sqlite.prepare('select a, b from t order by a');
    assert.equal(again, first);
    assert.deepEqual(again.get(), { a: 1, b: 'one' });
    assert.equal(sqlite.prepare('select a from t order by a').pluck().get(), 1);
    assert.deepEqual(sqlite.prepare('select a from t order by a').get(), { a: 1 });
    assert.notEqual(sqlite.prepare('select b from t'), first);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const sqlite = connection(8);
    const sql = 'select a from t order by a';
    const outer = sqlite.prepare(sql);
    const seen: number[] = [];
    for (const row of outer.iterate() as Iterable<{ a: number }>) {
      const inner = sqlite.prepare(sql);
      assert.notEqual(inner, outer);
      seen.push(row.a, (inner.all() as { a: number }[]).length);
    }
    assert.deepEqual(seen, [1, 2, 2, 2]);
    assert.equal(sqlite.prepare(sql), outer);
  });

  it('keeps only the most recently used statements', () => {
    const sqlite = connection(2);
    const a = sqlite.prepare('select 1');
    const b = sqlite.prepare('select 2');
    assert.equal(sqlite.prepare('select 1'), a); // a is now the most recent
    sqlite.prepare('select 3'); // evicts b
    assert.equal(sqlite.prepare('select 1'), a);
    assert.notEqual(sqlite.prepare('select 2'), b);
  });

  it('runs writes through reused statements', () => {
    const sqlite = connection(8);
    for (let i = 0; i < 3; i++) sqlite.prepare('insert into t values (?, ?)').run(10 + i, 'x');
    assert.equal(sqlite.prepare('select count(*) from t').pluck().get(), 5);
  });
});
