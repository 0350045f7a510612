/** Node lookups by global ID: an ID no record can have is no record, on either engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 180_000);
afterAll(async () => t?.close());

describe('node and nodes by ID', () => {
  it('an ID whose key holds a NUL character is no record, not an error (PostgreSQL refuses NUL in text)', async () => {
    // "Decision:\0" — found by the GraphQL fuzzer on PostgreSQL.
    const r = (await t.gql('query ($v: [ID!]!) { nodes(ids: $v) { id ... on Decision { decidedAt } } }', {
      v: ['RGVjaXNpb246AA=='],
    })) as { data?: { nodes: unknown[] }; errors?: unknown[] };
    expect(r.errors).toBeUndefined();
    expect(r.data?.nodes).toEqual([null]);
  });
});
