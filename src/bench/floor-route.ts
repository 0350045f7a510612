/**
 * The floor's HTTP route, mounted beside the app only by the benchmark: POST
 * /bench/floor/<query> with the same JSON body as the GraphQL request ({ variables: { first } }),
 * answered by one prepared SQL statement whose single value is the response document.
 * A plain node handler, so the floor pays for no framework at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqlitePath } from '../db/config.js';
import { comparisonFloorSql, deepFloorSql } from './floor-sql.js';
import type { BenchQuery } from './queries.js';

export const FLOOR_PREFIX = '/bench/floor/';

const API_MAX_PAGE = 100;

export interface Floor {
  /** The response document for one request. */
  answer(query: BenchQuery, first: number): Promise<string>;
  close(): Promise<void>;
}

function sqliteFloor(url: string): Floor {
  const db = new Database(sqlitePath(url), { readonly: true });
  const statements = {
    comparison: db.prepare<[number], string>(comparisonFloorSql('sqlite')).pluck(),
    deep: db.prepare<[number], string>(deepFloorSql('sqlite')).pluck(),
  };
  return {
    answer: async (query, first) => statements[query].get(first)!,
    close: async () => void db.close(),
  };
}

function postgresFloor(url: string, poolSize: number): Floor {
  // As many connections as the Prisma adapter's pool (pg's default of 10).
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Cast to text: the document goes out as the database wrote it, not parsed and re-serialised.
  const text = {
    comparison: `SELECT document::text FROM (${comparisonFloorSql('postgresql')}) q`,
    deep: `SELECT document::text FROM (${deepFloorSql('postgresql')}) q`,
  };
  return {
    answer: async (query, first) => {
      const result = await pool.query<{ document: string }>({ name: `floor-${query}`, text: text[query], values: [first] });
      return result.rows[0].document;
    },
    close: () => pool.end(),
  };
}

export function createFloor(url: string, poolSize = 10): Floor {
  return providerOf(url) === 'sqlite' ? sqliteFloor(url) : postgresFloor(url, poolSize);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Handles the request when it is for the floor; returns false to let the app handle it. */
export function floorHandler(floor: Floor) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = request.url ?? '';
    if (!path.startsWith(FLOOR_PREFIX)) return false;
    const query = path.slice(FLOOR_PREFIX.length);
    if (query !== 'comparison' && query !== 'deep') {
      response.writeHead(404).end();
      return true;
    }
    readBody(request)
      .then(async (body) => {
        const { variables } = JSON.parse(body) as { variables?: { first?: number } };
        // The API caps a page at 100 elections (the relay plugin's maxSize); so does the floor.
        const document = await floor.answer(query, Math.min(variables?.first ?? 20, API_MAX_PAGE));
        response.writeHead(200, { 'content-type': 'application/json' }).end(document);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    return true;
  };
}
