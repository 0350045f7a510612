// Generates the Prisma client and the Pothos types. `prisma generate` only needs the schema
// engine binary's path to exist (generation itself runs on WebAssembly), and no engine can be
// downloaded here, so point it at a placeholder file unless one is configured.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(os.tmpdir(), 'observer-ledger-no-schema-engine');
  fs.writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
execFileSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
