// The dashboard's only data source: the documented operations in operations.graphql, POSTed to
// /graphql one at a time. Each is sent by its persisted document id (the server's store, generated
// from operations.graphql by `npm run codegen`), so the page also works where the server accepts
// only persisted documents; without an id it sends the operation's text and the fragments it uses.

let documentText;
let documentIds;

/** Operation name → persisted document id, as the server holds them; empty when it has none. */
async function persistedIds() {
  documentIds ??= fetch('/dashboard/persisted-documents.json').then(
    (r) => (r.ok ? r.json() : {}),
    () => ({}),
  );
  return documentIds;
}

async function operationsDocument() {
  documentText ??= fetch('/dashboard/operations.graphql').then((r) => {
    if (!r.ok) throw new Error(`could not load the operations (${r.status})`);
    return r.text();
  });
  return documentText;
}

/** Top-level definitions of a GraphQL document, found by brace depth (comments and strings skipped). */
export function definitions(source) {
  const found = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (depth === 0 && start < 0 && /[a-z]/i.test(ch)) {
      start = i;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0 && start >= 0) {
        const text = source.slice(start, i + 1);
        const [, kind, name] = /^(query|mutation|subscription|fragment)\s+(\w+)/.exec(text) ?? [];
        found.push({ kind, name, text });
        start = -1;
      }
    }
  }
  return found;
}

/** The operation named and every fragment it spreads, directly or through other fragments. */
export function operationText(source, operationName) {
  const all = definitions(source);
  const operation = all.find((d) => d.kind !== 'fragment' && d.name === operationName);
  if (!operation) throw new Error(`no operation ${operationName} in operations.graphql`);
  const fragments = new Map(all.filter((d) => d.kind === 'fragment').map((d) => [d.name, d]));
  const needed = new Set();
  const visit = (text) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*(\w+)/g)) {
      if (fragments.has(name) && !needed.has(name)) {
        needed.add(name);
        visit(fragments.get(name).text);
      }
    }
  };
  visit(operation.text);
  return [operation.text, ...[...needed].map((n) => fragments.get(n).text)].join('\n\n');
}

export async function runOperation(operationName, variables) {
  const documentId = (await persistedIds())[operationName];
  const request = documentId
    ? { operationName, documentId, variables }
    : { operationName, query: operationText(await operationsDocument(), operationName), variables };
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the API answered ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** Runs a paginated operation until the last page; `pick` finds the connection in a result. */
export async function allPages(operationName, variables, pick) {
  const pages = [];
  let after = null;
  do {
    const data = await runOperation(operationName, { ...variables, after });
    pages.push(data);
    const { pageInfo } = pick(data);
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (after);
  return pages;
}
