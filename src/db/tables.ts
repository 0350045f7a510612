/**
 * Tables by name: the one place the Prisma client is indexed by a model's name, for code that
 * works on any of several tables alike (merges re-keying rows, resolving a node's id).
 */
import { Prisma } from '../generated/prisma/client.js';

const MODEL_NAMES: Record<string, string> = Prisma.ModelName;

export type Tx = Prisma.TransactionClient;
export type Row = Record<string, unknown> & { id: string };

export type Model =
  | 'organization'
  | 'area'
  | 'person'
  | 'organizationName'
  | 'alias'
  | 'election'
  | 'electionRound'
  | 'mission'
  | 'membership'
  | 'statement'
  | 'verdictCoding'
  | 'statementText'
  | 'statementRevision'
  | 'eventParticipant'
  | 'event'
  | 'claim';

/** The part of a Prisma delegate used here; the delegates differ only in their row types. */
interface Delegate {
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
  findFirst(args: { where: Record<string, unknown> }): Promise<Row | null>;
  findMany(args: { where: Record<string, unknown>; orderBy?: Record<string, string> }): Promise<Row[]>;
  create(args: { data: Row }): Promise<Row>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<Row>;
  upsert(args: { where: { id: string }; create: Row; update: Record<string, unknown> }): Promise<Row>;
  deleteMany(args: { where: { id: string } }): Promise<unknown>;
}

export function table(tx: Tx, model: Model): Delegate {
  // Prisma delegates share this shape; the cast only forgets their row types.
  return (tx as unknown as Record<Model, Delegate>)[model];
}

/** The delegate of any model, by its GraphQL/Prisma type name ("Statement" → tx.statement); null for a name that is no model. */
export function tableOfType(tx: Tx, typename: string): Pick<Delegate, 'findUnique'> | null {
  if (!(typename in MODEL_NAMES)) return null;
  const key = typename[0].toLowerCase() + typename.slice(1);
  return (tx as unknown as Record<string, Pick<Delegate, 'findUnique'>>)[key];
}
