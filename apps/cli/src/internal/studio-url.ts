/** Options of {@link studioUrl}. */
export interface StudioUrlOptions {
  /** A job name: the URL opens that job's page instead of the jobs list. */
  readonly name?: string | undefined;
}

/**
 * Adds the service's bearer token to a studio URL as a `token=` pair of the fragment (kept with
 * any other fragment pairs). A fragment never reaches a server, so the token is in no request
 * line or log; the page takes it once and removes it from the address bar.
 */
export function withTokenFragment(url: string, token: string): string {
  const hash = url.indexOf('#');
  const pair = `token=${encodeURIComponent(token)}`;
  if (hash === -1) return `${url}#${pair}`;
  const rest = url.slice(hash + 1);
  return rest === '' ? `${url}${pair}` : `${url}&${pair}`;
}

/**
 * The studio URL of a local service: `<service>/studio/#token=<token>` (the jobs list) or, with
 * `name`, `<service>/studio/jobs/<name>#token=<token>`.
 */
export function studioUrl(
  serviceUrl: string,
  token: string,
  options: StudioUrlOptions = {},
): string {
  const base = `${serviceUrl.replace(/\/+$/, '')}/studio/`;
  const page =
    options.name === undefined || options.name === ''
      ? base
      : `${base}jobs/${encodeURIComponent(options.name)}`;
  return withTokenFragment(page, token);
}
