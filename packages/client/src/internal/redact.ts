/** Header names whose values never appear in errors or logs. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-azureml-token',
  'cookie',
  'set-cookie',
  'x-ms-authorization-auxiliary',
]);

/** Query parameters that carry credentials (SAS signatures, tokens). */
const SECRET_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'sig',
  'signature',
  'token',
  'access_token',
  'code',
  'client_secret',
]);

/** The marker that replaces a secret value. */
export const REDACTED = '<redacted>';

/** Lower-cases header names and replaces secret values with {@link REDACTED}. */
export function redactHeaders(
  headers: Readonly<Record<string, string>> | Headers | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  const entries: Iterable<[string, string]> =
    headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    out[key] = SECRET_HEADERS.has(key) ? REDACTED : value;
  }
  return out;
}

/** Replaces credential-bearing query values and userinfo in a URL. Non-URLs pass through. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.has(key.toLowerCase())) {
      parsed.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/** The URL without its query string, for messages. */
export function urlForMessage(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
