/**
 * Loads @prisma/schema-engine-wasm without `--experimental-wasm-modules`: the package's
 * entry imports its .wasm as an ES module, which Node 20 refuses, so we instantiate the
 * module ourselves and hand it to the package's own JS glue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

let ready: Promise<typeof glue> | undefined;

export function loadSchemaEngine(): Promise<typeof glue> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm is not in the package's exports map: find it beside the glue module.
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return ready;
}
