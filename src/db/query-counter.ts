/**
 * Counts the SQL statements a Prisma client sends, by wrapping its driver adapter: the
 * honest measure of "no N+1" (every statement the database sees, including those inside
 * transactions). Used by tests and the benchmark.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export class QueryLog {
  readonly statements: string[] = [];

  reset(): void {
    this.statements.length = 0;
  }

  get count(): number {
    return this.statements.length;
  }
}

function countQueries<T extends object>(target: T, log: QueryLog): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (query: SqlQuery) => {
          log.statements.push(query.sql);
          return (value as (q: SqlQuery) => unknown).call(obj, query);
        };
      }
      if (prop === 'startTransaction') {
        return async (...args: unknown[]) => countQueries(await (value as (...a: unknown[]) => Promise<Transaction>).apply(obj, args), log);
      }
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

export function countingAdapter(factory: SqlDriverAdapterFactory, log: QueryLog): SqlDriverAdapterFactory {
  return countQueries(
    Object.assign(Object.create(Object.getPrototypeOf(factory) as object) as SqlDriverAdapterFactory, factory, {
      connect: async () => countQueries<SqlDriverAdapter>(await factory.connect(), log),
    }),
    log,
  );
}
