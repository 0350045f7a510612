/** What every route tells a client when the database itself fails (gone, locked, unreadable), as opposed to a wrong request. */

export const DATABASE_UNAVAILABLE = 'The database is unavailable; try again shortly.';
/** What a client told the database is unavailable should wait before it asks again. */
export const RETRY_AFTER_SECONDS = 5;

/** Failures of the database itself (gone, locked, unreadable), as opposed to a wrong query. */
export function isDatabaseFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name ?? '';
  const code = String((error as { code?: unknown }).code ?? '');
  if (name === 'PrismaClientInitializationError' || name === 'DriverAdapterError') return true;
  // Prisma's connection and database-level errors; a missing table or column means a broken or foreign database.
  if (/^P10\d\d$/.test(code) || code === 'P2021' || code === 'P2022') return true;
  return /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|CORRUPT|NOTADB|READONLY|FULL)|database (disk image )?is (locked|malformed)|unable to open database|no such table|ECONNREFUSED|Connection terminated/i.test(
    error.message,
  );
}

/** A failure that means "the database is away, ask again shortly": the database's own, or the watched source's refusal (database-source.ts `unavailable()`). */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return code === 'SERVICE_UNAVAILABLE' || isDatabaseFailure(error);
}
