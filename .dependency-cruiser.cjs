/**
 * The layers of src/ and what each may import (README, "Architecture"). `npm run lint` runs this
 * with every import counted, type-only ones included: a folder may import only from the folders
 * listed below it, no file may be part of an import cycle, and the read side never imports the
 * write side.
 */

/** Bottom to top. A folder may import its own files and those of folders earlier in this list. */
const LAYERS = [
  ['reconcile'], // normalisation, name keys, the reconciler, natural keys, dates: pure
  ['verdicts'], // the ordinal scale, the rule coder and its rules, precedence, kappa: pure
  ['comparison'], // the comparison of one election and the aggregates: pure
  ['db'], // the Prisma client, migrations, tables by name, SQL counting
  ['read'], // read services: the read cache, where a record lives now, the comparison's facts
  ['curation'], // write services: tokens, audit, decisions, merges and splits, aliases, verdicts
  ['ingest'], // write services: sources, spreadsheets, the write set, curated statements
  ['schema'], // the GraphQL schema (Pothos)
  ['http'], // what every route shares: the route contract, the HTTP policy, failures, the watched database
  ['exports', 'reconcile-service', 'dashboard'], // routes beside /graphql; none imports another
  ['server'], // graphql-yoga, its plugins, the app that mounts the routes, the listening process
  ['synth'], // the synthetic world (a tool)
  ['bench'], // the benchmark (a tool), over everything
];

const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));
const all = [...rank.keys()];
const folderPath = (names) => `^src/(${names.join('|')})/`;

/** For each folder, everything at its own rank or above it, except itself. */
const upward = all.map((folder) => ({
  name: `layer-${folder}`,
  comment: `src/${folder} may import only from the folders below it in the layer list (.dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: folderPath([folder]) },
  to: { path: folderPath(all.filter((other) => other !== folder && rank.get(other) >= rank.get(folder))) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle, type imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'read-side-never-writes',
      comment: 'the read side (queries, the comparison, exports, the reconciliation service) never imports the write side',
      severity: 'error',
      from: { path: folderPath(['read', 'comparison', 'exports', 'reconcile-service', 'dashboard']) },
      to: { path: folderPath(['ingest', 'curation']) },
    },
    {
      name: 'known-folder',
      comment: 'every folder of src/ has a place in the layer list',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `${folderPath([...all, 'generated'])}` },
      to: {},
    },
    ...upward,
  ],
  options: {
    // TypeScript 7 has no JavaScript API; swc parses the sources.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
