/**
 * The parameters of a request: its query string, and for a POST its form body
 * (application/x-www-form-urlencoded, as OpenRefine sends it, or multipart/form-data), read no
 * further than MAX_BODY_BYTES. A body that cannot be read as a form is the client's mistake (400).
 */
import { readBounded } from '../http/body.js';
import { MAX_BODY_BYTES } from './limits.js';
import { BadRequest, PayloadTooLarge } from './validate.js';

const tooLarge = () => new PayloadTooLarge(`the request body is larger than ${MAX_BODY_BYTES} bytes`);

/** The body's bytes, refusing a declared or an actual length over the limit. */
async function boundedBytes(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readBounded(request, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  return bytes;
}

async function multipartFields(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<[string, string][]> {
  if (!/;\s*boundary=/i.test(contentType)) throw new BadRequest('a multipart/form-data body needs a boundary in its Content-Type');
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BadRequest('the multipart/form-data body could not be read');
  }
  const fields: [string, string][] = [];
  form.forEach((value, key) => {
    if (typeof value === 'string') fields.push([key, value]); // files are not parameters
  });
  return fields;
}

function urlencodedFields(bytes: Uint8Array): [string, string][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest('the form body is not valid UTF-8');
  }
  return [...new URLSearchParams(text)];
}

/** Query-string parameters, overridden by the form body's. */
export async function readForm(request: Request, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  if (request.method !== 'POST') return params;
  const contentType = request.headers.get('content-type') ?? '';
  const bytes = await boundedBytes(request);
  if (!bytes.byteLength) return params;
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  let fields: [string, string][];
  if (mediaType === 'application/x-www-form-urlencoded') fields = urlencodedFields(bytes);
  else if (mediaType === 'multipart/form-data') fields = await multipartFields(bytes, contentType);
  else throw new BadRequest('a POST body must be application/x-www-form-urlencoded or multipart/form-data');
  for (const [key, value] of fields) params.set(key, value);
  return params;
}
