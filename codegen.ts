/**
 * GraphQL Code Generator: the typed client for the dashboard's operations and their persisted
 * (trusted) documents. Reads only committed files (schema.graphql, src/dashboard/operations.graphql),
 * so it runs offline; `npm run codegen` runs it, and so does `npm run generate` (and so `npm ci`).
 * Output: src/generated/graphql-client/ (gitignored, never edited).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/dashboard/operations.graphql'],
  generates: {
    'src/generated/graphql-client/': {
      preset: 'client',
      presetConfig: {
        // persisted-documents.json: "sha256:<hex of the printed document>" → document; the server's store.
        persistedDocuments: { hashAlgorithm: 'sha256' },
        // The dashboard reads fragments' fields straight off each result; no component owns a fragment.
        fragmentMasking: false,
      },
      config: {
        // Documents as strings (with their hash in __meta__): what a fetch-based client sends.
        documentMode: 'string',
        // The project compiles with NodeNext resolution, which wants the extension in relative imports.
        importExtension: '.js',
        useTypeImports: true,
        // Every custom scalar is named here, and an unknown one fails generation instead of becoming `any`.
        strictScalars: true,
        scalars: {
          CountryCode: 'string',
          DateTime: 'string',
          JSON: 'unknown',
          LocalDate: 'string',
          URL: 'string',
        },
      },
    },
  },
  silent: true,
};

export default config;
