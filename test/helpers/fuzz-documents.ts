/**
 * Random GraphQL operations from a schema: random walks over its types that choose fields,
 * arguments (valid, invalid, or passed as variables of the right or a wrong type), aliases,
 * directives and fragments, nested to a random depth; plus some plainly malformed documents.
 */
import fc from 'fast-check';
import {
  GraphQLNonNull,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export interface Pools {
  /** Real global IDs by type, so that some operations reach real records. */
  ids: Record<'Organization' | 'Area' | 'Person' | 'Statement' | 'Election', string[]>;
  /** Real names, so that lookups by name find something. */
  organizations: string[];
  areas: string[];
  persons: string[];
}

export interface FuzzOperation {
  kind: 'query' | 'mutation' | 'malformed';
  query: string;
  variables: Record<string, unknown>;
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '"',
  '\\',
  '\'; DROP TABLE "Statement"; --',
  '%',
  '_',
  '\u202e',
  '🙂',
  'ñ',
  'Ünïcödé',
  '\n\r\t',
  'x'.repeat(5000),
  '../../etc/passwd',
  '{{7*7}}',
  '<script>',
  'null',
  'NaN',
  '-1',
];
const DATE_STRINGS = [
  '2012-10-28',
  '2012',
  '2012-10',
  '2012-13-45',
  '1999-02-30',
  'yesterday',
  '2024-02-29T10:00:00Z',
  '+275760-09-13T00:00:00Z',
];

export class DocumentFuzzer {
  private readonly variables: Record<string, unknown> = {};
  private readonly declarations: string[] = [];
  private counter = 0;
  /** Half the operations are well-formed throughout; the others have mistakes sprinkled in. */
  private dirty = false;
  /** The record type an operation's record IDs are of (a merge takes two of one type). */
  private recordType: 'Organization' | 'Area' | 'Person' = 'Organization';

  constructor(
    private readonly g: fc.GeneratorValue,
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
  ) {}

  /** Uniform choices: fast-check's default bias towards extremes would make every rare branch common. */
  private int(min: number, max: number): number {
    return this.g(() => fc.noBias(fc.integer({ min, max })));
  }

  private chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A mistake, with probability p, in a dirty operation only. */
  private mistake(p: number): boolean {
    return this.dirty && this.chance(p);
  }

  /** Up to n different items, in random order. */
  private some<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (pool.length && out.length < n) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return out;
  }

  /** A string for an argument: a real name of the right kind when the name says which, in a clean operation. */
  private string(context = ''): string {
    if (!this.dirty) {
      if (/area|within|jurisdiction/i.test(context)) return this.pick(this.pools.areas);
      if (/person|speaker/i.test(context)) return this.pick(this.pools.persons);
      if (/organi[sz]ation|observedBy|assessedBy|subject|body/i.test(context)) return this.pick(this.pools.organizations);
      if (/date/i.test(context)) return this.pick(['2012-10-28', '2004', '2010-02']);
      if (/language/i.test(context)) return this.pick(['en', 'ru']);
      if (/url/i.test(context)) return 'https://example.org/statement';
      return this.pick([...this.pools.organizations, 'free and fair', 'en', 'ru', 'a note']);
    }
    const kind = this.int(0, 4);
    if (kind === 0) return this.pick([...this.pools.organizations, ...this.pools.areas, ...this.pools.persons]);
    if (kind === 1) return this.pick(NASTY_STRINGS);
    if (kind === 2) return this.pick(DATE_STRINGS);
    if (kind === 3) return this.g(fc.string, { unit: 'binary', maxLength: 40 });
    return this.g(fc.string, { maxLength: 30 });
  }

  private id(context = ''): string {
    const all = Object.values(this.pools.ids).flat();
    if (!this.dirty) {
      if (/statement/i.test(context)) return this.pick(this.pools.ids.Statement);
      if (/record|survivor|merged|left|right/i.test(context)) return this.pick(this.pools.ids[this.recordType]);
      return this.pick(all);
    }
    const kind = this.int(0, 3);
    if (kind <= 1) return this.pick(all);
    if (kind === 2)
      return Buffer.from(`${this.pick(['Organization', 'Statement', 'Area', 'Person', 'Decision', 'Nope', ''])}:${this.string()}`).toString(
        'base64',
      );
    return this.string();
  }

  /** A JS value for an input type; mostly of the type, sometimes deliberately not. */
  private value(type: GraphQLInputType, depth = 0, context = ''): unknown {
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    const inner = getNullableType(type) as GraphQLInputType;
    if (this.mistake(0.08)) return this.wrongValue();
    if (isListType(inner))
      return Array.from({ length: this.int(0, 3) }, () => this.value(inner.ofType as GraphQLInputType, depth + 1, context));
    if (isEnumType(inner)) return this.mistake(0.1) ? 'NOT_A_VALUE' : this.pick(inner.getValues()).name;
    if (isInputObjectType(inner) && !this.dirty && !Object.values(inner.getFields()).some((f) => isNonNullType(f.type)) && this.chance(0.3))
      return {};
    if (isInputObjectType(inner)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) ? !this.mistake(0.05) : this.chance(0.5) && depth < 3)
          out[field.name] = this.value(field.type, depth + 1, field.name);
      }
      if (this.mistake(0.05)) out.notAField = 1;
      return out;
    }
    if (isScalarType(inner)) {
      switch (inner.name) {
        case 'Int':
          if (!this.dirty) return /year/i.test(context) ? this.int(1990, 2025) : this.int(0, 20);
          return this.pick([0, 1, 2, 10, 100, 101, -1, 2 ** 31, this.int(-1000, 5000)]);
        case 'Float':
          return this.g(fc.double, { noNaN: true, noDefaultInfinity: true });
        case 'Boolean':
          return this.chance(0.5);
        case 'ID':
          return this.id(context);
        case 'DateTime':
          return this.dirty
            ? this.pick(['2020-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z', 'now', '2026-13-01T00:00:00Z'])
            : '2020-01-01T00:00:00Z';
        case 'JSON':
          return this.g(fc.jsonValue, { maxDepth: 2 });
        default:
          return this.string(context);
      }
    }
    return this.string(context);
  }

  private wrongValue(): unknown {
    return this.pick<unknown>([1.5, 'text', true, [], {}, 2 ** 53, -0, { nested: [1, 'a'] }]);
  }

  /** A value written into the document as a GraphQL literal. */
  private literal(value: unknown, type: GraphQLInputType): string {
    const inner = getNullableType(type) as GraphQLInputType;
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value))
      return `[${value.map((v) => this.literal(v, isListType(inner) ? (inner.ofType as GraphQLInputType) : inner)).join(', ')}]`;
    if (typeof value === 'object') {
      const fields = isInputObjectType(inner) ? inner.getFields() : {};
      return `{ ${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${this.literal(v, fields[k]?.type ?? inner)}`)
        .join(', ')} }`;
    }
    if (typeof value === 'string' && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
    return JSON.stringify(value);
  }

  private variable(type: GraphQLInputType, context = ''): string {
    const name = `v${this.counter++}`;
    // Usually declared with the argument's type; sometimes with another, which validation must refuse.
    const declared = this.mistake(0.1) ? this.pick(['Int', 'String!', '[ID]', 'Boolean', 'ElectionFilter', 'Nope']) : String(type);
    this.declarations.push(`$${name}: ${declared}`);
    if (!this.mistake(0.05)) this.variables[name] = this.value(type, 0, context);
    return `$${name}`;
  }

  private args(field: GraphQLField<unknown, unknown>): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type);
      // Paging backwards, or from a cursor, with made-up values is a client error; clean operations page forwards.
      if (!this.dirty && ['last', 'before', 'after'].includes(arg.name)) continue;
      const context = `${field.name} ${arg.name}`;
      const mode = this.int(0, 9);
      if (mode <= 2 && (!required || this.mistake(0.3))) continue; // a required argument left out is a mistake
      if (mode <= 6) parts.push(`${arg.name}: ${this.literal(this.value(arg.type, 0, context), arg.type)}`);
      else parts.push(`${arg.name}: ${this.variable(arg.type, context)}`);
    }
    if (this.mistake(0.03)) parts.push('notAnArgument: 1');
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private directives(): string {
    if (!this.chance(0.08)) return '';
    const name = this.mistake(0.3) ? this.pick(['deprecated', 'nope']) : this.pick(['include', 'skip']);
    return ` @${name}(if: ${this.chance(0.5) ? this.variable(new GraphQLNonNull(this.schema.getType('Boolean') as GraphQLInputType & GraphQLNamedType)) : String(this.chance(0.5))})`;
  }

  private selection(type: GraphQLNamedType, depth: number, maxDepth: number): string {
    if (isLeafType(type)) return this.mistake(0.02) ? ' { name }' : '';
    if (depth >= maxDepth) return ' { __typename }';
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      // Distinct fields: the same field twice with other arguments is a conflict GraphQL refuses.
      // One mutation at a time in a clean operation, so that one refused change does not hide the others.
      const count = depth === 0 && type === this.schema.getMutationType() && !this.dirty ? 1 : this.int(1, 4);
      for (const field of this.some(Object.values(type.getFields()), count)) {
        const alias = this.chance(0.1) ? `a${this.counter++}: ` : '';
        parts.push(
          `${alias}${field.name}${this.args(field)}${this.directives()}${this.selection(getNamedType(field.type), depth + 1, maxDepth)}`,
        );
      }
    }
    if (isInterfaceType(type) || isUnionType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      if (possible.length && this.chance(0.7)) {
        const on = this.pick(possible);
        parts.push(`... on ${on.name}${this.selection(on, depth + 1, maxDepth)}`);
      }
    }
    if (this.mistake(0.03)) parts.push('fieldThatDoesNotExist');
    if (this.chance(0.2)) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }

  operation(): FuzzOperation {
    const roll = this.int(0, 99);
    if (roll < 5)
      return {
        kind: 'malformed',
        query: this.pick([
          '{',
          '}',
          'query {',
          'mutation',
          '{ a: }',
          '{ ... }',
          'subscription { x }',
          this.g(fc.string, { maxLength: 200 }),
        ]),
        variables: {},
      };
    this.dirty = this.chance(0.5);
    this.recordType = this.pick(['Organization', 'Organization', 'Person', 'Area'] as const);
    const mutation = roll >= 88 && this.schema.getMutationType();
    const root = mutation || this.schema.getQueryType()!;
    const maxDepth = this.dirty ? this.int(1, 12) : this.int(1, 6);
    const body = this.selection(root, 0, maxDepth);
    const header = this.declarations.length ? `(${this.declarations.join(', ')})` : '';
    let query = `${mutation ? 'mutation' : 'query'} Fuzz${header}${body}`;
    // Now and then a document cut short or with a character knocked out.
    if (this.mistake(0.05)) query = query.slice(0, this.int(0, query.length));
    return { kind: mutation ? 'mutation' : 'query', query, variables: this.variables };
  }
}
