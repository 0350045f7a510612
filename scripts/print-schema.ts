/** npm run schema:print — writes the SDL to schema.graphql (committed; a test fails on drift). */
import fs from 'node:fs';
import path from 'node:path';
import { printSdl } from '../src/schema/print.js';
import { projectRoot } from '../src/db/config.js';

fs.writeFileSync(path.join(projectRoot, 'schema.graphql'), printSdl());
console.log('wrote schema.graphql');
