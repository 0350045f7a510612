// Generates the Prisma clients and the Pothos types from prisma/schema.prisma, and the typed
// GraphQL client from schema.graphql and the dashboard's operations.
// - SQLite client + Pothos types: from the schema as written.
// - PostgreSQL client: from the same schema with the provider switched, written to
//   src/generated/postgresql/ (generated, never edited or committed).
// - src/generated/graphql-client/: GraphQL Code Generator's client preset (codegen.ts), with
//   persisted-documents.json, the server's store of persisted operations.
// `prisma generate` only needs the schema engine binary's path to exist (generation runs
// on WebAssembly), and no engine can be downloaded here, so a placeholder file is used
// unless one is configured.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(os.tmpdir(), 'observer-ledger-no-schema-engine');
  fs.writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
execFileSync(prisma, ['generate'], { stdio: 'inherit', env, cwd: root });

const source = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const postgres = source
  .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]+"/, '$1"postgresql"')
  .replace(/generator\s+pothos\s*\{[^}]*\}\s*/, '')
  .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]+"/, '$1"./prisma"');
const dir = path.join(root, 'src', 'generated', 'postgresql');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(
  path.join(dir, 'schema.prisma'),
  `// Generated from prisma/schema.prisma by scripts/generate.mjs: do not edit.\n${postgres}`,
);
execFileSync(prisma, ['generate', '--schema', path.join(dir, 'schema.prisma')], { stdio: 'inherit', env, cwd: root });

// The code generator is a dev dependency: an install without them (--omit=dev) skips it, and the
// server then runs without persisted operations (and refuses to start when they are required).
const codegen = path.join(root, 'node_modules', '.bin', 'graphql-codegen');
if (fs.existsSync(codegen)) execFileSync(codegen, ['--config', path.join(root, 'codegen.ts')], { stdio: 'inherit', cwd: root });
else console.warn('graphql-codegen is not installed: src/generated/graphql-client/ was not generated');
