/** Reading a request body no further than a bound: the one reader the server and the routes share. */

/** The body's bytes, or null when it is longer than `maxBytes` (by its declared length, or as it streams in). */
export async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    // In-process callers may hand in a body (URLSearchParams, a string) whose stream yields strings.
    const value: Uint8Array = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
