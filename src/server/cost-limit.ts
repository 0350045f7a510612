/**
 * The request cost limit: the cost of the operation about to run, computed with the request's
 * own variables (a `first: $n` costs what `$n` asks for), refused with a 400 before anything
 * executes. Field costs are the schema's (src/schema/complexity.ts).
 *
 * The check runs at execution rather than validation because its answer depends on the
 * variables, and Yoga caches validation by document text.
 */
import { createComplexityRule } from '@pothos/plugin-complexity';
import { validate, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { HardeningStats } from './hardening.js';

export function costLimit(maxCost: number, stats: HardeningStats): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost = 0;
      const problems: readonly GraphQLError[] = validate(args.schema, args.document, [
        createComplexityRule({
          context: (args.contextValue ?? {}) as object,
          variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: args.operationName,
          onResult: (result) => {
            cost = Math.max(cost, result.complexity);
          },
        }),
      ]);
      // Variables that do not fit the operation are left to execution, which reports them as usual.
      if (problems.length || cost <= maxCost) return;
      stats.rejectedDocuments++;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Request refused: its cost is ${cost.toLocaleString('en')}, over the limit of ${maxCost.toLocaleString('en')}. ` +
              'Each field costs 1 and a page multiplies what it selects by its size (first/last, variables included): ask for smaller pages or fewer nested lists.',
            { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
