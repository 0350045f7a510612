import { printSchema } from 'graphql';
import { schema } from './index.js';

/** The SDL as committed in schema.graphql. */
export function printSdl(): string {
  return `${printSchema(schema)}\n`;
}
