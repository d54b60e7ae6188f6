/** A page of the studio. */
export type Route =
  | { readonly page: 'jobs' }
  | { readonly page: 'job'; readonly name: string }
  | { readonly page: 'submit' }
  | { readonly page: 'not-found'; readonly path: string };

/** Where the service serves the studio. */
export const STUDIO_BASE = '/studio';

/** Reads the route of a pathname under {@link STUDIO_BASE} (`/studio/jobs/<name>`, …). */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(STUDIO_BASE) ? pathname.slice(STUDIO_BASE.length) : pathname;
  const parts = rest.split('/').filter((p) => p !== '');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'jobs')) return { page: 'jobs' };
  if (parts.length === 1 && parts[0] === 'submit') return { page: 'submit' };
  if (parts.length === 2 && parts[0] === 'jobs') {
    try {
      return { page: 'job', name: decodeURIComponent(parts[1]!) };
    } catch {
      return { page: 'not-found', path: pathname };
    }
  }
  return { page: 'not-found', path: pathname };
}

/** The pathname of a route. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'jobs':
      return `${STUDIO_BASE}/`;
    case 'submit':
      return `${STUDIO_BASE}/submit`;
    case 'job':
      return `${STUDIO_BASE}/jobs/${encodeURIComponent(route.name)}`;
    case 'not-found':
      return route.path;
  }
}
