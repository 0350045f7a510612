/**
 * npm run lint:layers — the folder graph of src/: how many folders, how many folder-to-folder
 * edges (every import counted, type-only ones included) and how many pairs of folders reach each
 * other (are in a cycle). The layering in .dependency-cruiser.cjs keeps the last figure at 0;
 * this prints it, and the edges, so that the architecture can be read off the code.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser';
import { projectRoot } from '../src/db/config.js';

// The command line, as lint runs it: its parser set-up (swc) is the one that works here.
const json = execFileSync(
  path.join(projectRoot, 'node_modules', '.bin', 'depcruise'),
  ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
  {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  },
);
const result = JSON.parse(json) as ICruiseResult;

const folderOf = (file: string) => /^src\/([^/]+)\//.exec(file)?.[1] ?? null;
const edges = new Map<string, Set<string>>();
for (const module of result.modules) {
  const from = folderOf(module.source);
  if (!from || from === 'generated') continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const dependency of module.dependencies) {
    const to = folderOf(dependency.resolved);
    if (to && to !== from && to !== 'generated') edges.get(from)!.add(to);
  }
}

/** Whether `to` can be reached from `from` along the edges. */
function reaches(from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const at = stack.pop()!;
    for (const next of edges.get(at) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

const folders = [...edges.keys()].sort();
const pairs = folders.flatMap((a, i) =>
  folders
    .slice(i + 1)
    .filter((b) => reaches(a, b) && reaches(b, a))
    .map((b) => `${a} ↔ ${b}`),
);
const edgeCount = [...edges.values()].reduce((n, targets) => n + targets.size, 0);

for (const folder of folders) console.log(`${folder.padEnd(18)} → ${[...(edges.get(folder) ?? [])].sort().join(', ') || '(nothing)'}`);
console.log(
  `\nsrc/: ${folders.length} folders, ${edgeCount} folder edges, ${pairs.length} pairs of folders in cycles${pairs.length ? `: ${pairs.join('; ')}` : ''}`,
);
process.exit(pairs.length ? 1 : 0);
