/**
 * The floor's HTTP route, mounted beside the app only by the benchmark: POST
 * /bench/floor/<floor> with the same JSON body as the GraphQL request ({ variables: { first,
 * filter } }), answered by one prepared SQL statement whose single value is the response document.
 * A plain node handler, so the floor pays for no framework at all. The floors: the comparison
 * recomputed from the statements, the comparison read from the projection tables, the deep query.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqlitePath } from '../db/config.js';
import { comparisonFloorSql, deepFloorSql, FLOOR_PARAMETERS, type FloorParameter } from './floor-sql.js';
import { comparisonProjectionFloorSql } from './floor-projection-sql.js';
import type { ElectionFilterVariables } from './queries.js';

export const FLOOR_PREFIX = '/bench/floor/';

const API_MAX_PAGE = 100;

export const FLOORS = ['comparison', 'comparison-projection', 'deep'] as const;
export type FloorName = (typeof FLOORS)[number];

const floorSql = { comparison: comparisonFloorSql, 'comparison-projection': comparisonProjectionFloorSql, deep: deepFloorSql };

type Parameters = Record<FloorParameter, number | string | null>;

export interface Floor {
  /** The response document for one request. */
  answer(floor: FloorName, parameters: Parameters): Promise<string>;
  close(): Promise<void>;
}

function sqliteFloor(url: string): Floor {
  const db = new Database(sqlitePath(url), { readonly: true });
  const statements = Object.fromEntries(FLOORS.map((f) => [f, db.prepare<[Parameters], string>(floorSql[f]('sqlite')).pluck()]));
  return {
    answer: async (floor, parameters) => statements[floor].get(parameters)!,
    close: async () => void db.close(),
  };
}

function postgresFloor(url: string, poolSize: number): Floor {
  // As many connections as the Prisma adapter's pool (pg's default of 10).
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Cast to text: the document goes out as the database wrote it, not parsed and re-serialised.
  const text = Object.fromEntries(FLOORS.map((f) => [f, `SELECT document::text FROM (${floorSql[f]('postgresql')}) q`]));
  return {
    answer: async (floor, parameters) => {
      const values = FLOOR_PARAMETERS.map((name) => parameters[name]);
      const result = await pool.query<{ document: string }>({ name: `floor-${floor}`, text: text[floor], values });
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
    const name = path.slice(FLOOR_PREFIX.length) as FloorName;
    if (!FLOORS.includes(name)) {
      response.writeHead(404).end();
      return true;
    }
    readBody(request)
      .then(async (body) => {
        const { variables } = JSON.parse(body) as { variables?: { first?: number; filter?: Partial<ElectionFilterVariables> } };
        const filter = variables?.filter ?? {};
        const document = await floor.answer(name, {
          // The API caps a page at 100 elections (the relay plugin's maxSize); so does the floor.
          first: Math.min(variables?.first ?? 20, API_MAX_PAGE),
          yearFrom: filter.yearFrom ?? -1_000_000,
          yearTo: filter.yearTo ?? 1_000_000,
          types: filter.types?.length ? JSON.stringify(filter.types) : null,
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end(document);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    return true;
  };
}
