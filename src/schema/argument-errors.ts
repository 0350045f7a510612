/**
 * Global-ID arguments are decoded by the Relay plugin (`t.arg.globalID({ for })`): it refuses a
 * malformed ID, or one naming a type the argument does not take, before the field resolves. Its
 * errors name the ID but not the argument; this plugin names the argument too, as a client error
 * in the words the API uses for every argument (`statement: "…" is not an ID issued by this API`,
 * `statement must be the ID of Statement (got Organization)`, with `extensions.field`). An error
 * it does not recognise passes unchanged (the server's masking still reports a Pothos error as
 * BAD_USER_INPUT: src/server/hardening.ts).
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, PothosValidationError, type SchemaTypes } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isInputObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLResolveInfo,
} from 'graphql';
import { userError } from './errors.js';

const pluginName = 'argumentErrors';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      argumentErrors: ArgumentErrorsPlugin<Types>;
    }
  }
}

export class ArgumentErrorsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  // Around the argument mappers, which run before any plugin's resolver wrapper (scope auth's too).
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || fieldConfig.argMappers.length === 0) return resolver;
    return (parent, args, context, info) => {
      try {
        return resolver(parent, args, context, info);
      } catch (error) {
        // The mappers are synchronous: their errors are thrown here, before the resolver runs.
        throw namedArgumentError(error, args as Record<string, unknown>, info) ?? error;
      }
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, ArgumentErrorsPlugin);

export default pluginName;

/** The Relay plugin's refusals: "Invalid global ID: <id>", "ID: <id> is not of type: <A>, <B>". */
const REFUSAL = /^(?:Invalid global ID: ([\s\S]*)|ID: ([\s\S]*) is not of type: ([\s\S]*))$/;

function namedArgumentError(error: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo): Error | null {
  if (!(error instanceof PothosValidationError)) return null;
  const refusal = REFUSAL.exec(error.message);
  if (!refusal) return null;
  const id = refusal[1] ?? refusal[2];
  const field = argumentPath(info.parentType.getFields()[info.fieldName]?.args ?? [], args, id);
  if (!field) return null;
  if (refusal[1] !== undefined)
    return userError(`${field}: "${id.slice(0, 100)}" is not an ID issued by this API`, 'BAD_USER_INPUT', { field });
  const allowed = refusal[3].split(', ').join(' or ');
  return userError(`${field} must be the ID of ${allowed} (got ${decodeGlobalID(id).typename})`, 'BAD_USER_INPUT', { field });
}

/** Where among the (raw) arguments a global-ID argument or input field holds `id`: "statement", "filter.record". */
function argumentPath(
  definitions: readonly (GraphQLArgument | GraphQLInputField)[],
  values: Record<string, unknown>,
  id: string,
  prefix = '',
): string | null {
  for (const definition of definitions) {
    const value = values[definition.name];
    if (value === null || value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    const path = `${prefix}${definition.name}`;
    const type = getNamedType(definition.type);
    if (definition.extensions?.isRelayGlobalID) {
      if (items.includes(id)) return path;
    } else if (isInputObjectType(type)) {
      for (const item of items) {
        const found = item && argumentPath(Object.values(type.getFields()), item as Record<string, unknown>, id, `${path}.`);
        if (found) return found;
      }
    }
  }
  return null;
}
