/**
 * The origin the manifest's URLs (view, preview, suggest, extend) are built on. Any client can
 * send X-Forwarded-Host and X-Forwarded-Proto, and a manifest built on them would send OpenRefine
 * to another host; they are read only behind a proxy the operator declares (TRUST_PROXY=1, see src/http/policy.ts), and
 * even then only a well-formed host[:port] and http or https.
 */

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
/** A DNS name, an IPv4 address or a bracketed IPv6 address, and an optional port. */
const HOST_PORT = new RegExp(`^(?:\\[[0-9a-f:.]{2,45}\\]|${LABEL}(?:\\.${LABEL})*)(?::(\\d{1,5}))?$`, 'i');

export function isHostAndPort(value: string): boolean {
  const match = value.length <= 260 ? HOST_PORT.exec(value) : null;
  if (!match) return false;
  return match[1] === undefined || (Number(match[1]) >= 1 && Number(match[1]) <= 65_535);
}

/** A proxy chain appends its values: the first is the one the client used. */
function firstValue(request: Request, header: string): string {
  return (request.headers.get(header) ?? '').split(',')[0].trim();
}

/** `trusted`: the deployment declared a reverse proxy (TRUST_PROXY, read into the HTTP policy). */
export function publicOrigin(request: Request, url: URL, trusted: boolean): string {
  if (!trusted) return url.origin;
  const host = firstValue(request, 'x-forwarded-host');
  const proto = firstValue(request, 'x-forwarded-proto').toLowerCase();
  const validHost = isHostAndPort(host) ? host : null;
  const validProto = proto === 'http' || proto === 'https' ? proto : null;
  if (!validHost && !validProto) return url.origin;
  return `${validProto ?? url.protocol.replace(/:$/, '')}://${validHost ?? url.host}`;
}
