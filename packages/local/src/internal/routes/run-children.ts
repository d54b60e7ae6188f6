import type { ServerResponse } from 'node:http';

import type { StoredJob } from '../../store/job-store.js';
import { badRequest, sendJson } from '../http.js';
import type { ServiceContext } from '../service-context.js';
import { runFields } from './history.js';

/**
 * `GET /history/v1.0/<workspace>/runs/{runId}/children`: the child runs of a job (the trials of
 * a sweep, whose `properties.properties['azureml.parentJobName']` names it), newest first, as a
 * run-history `PaginatedRunList { value, continuationToken, nextLink }`. `$top` (1–1000, default
 * the page size) and the opaque `$continuationtoken` page through them.
 */
export function listRunChildren(
  ctx: ServiceContext,
  res: ServerResponse,
  parent: StoredJob,
  options: { query: URLSearchParams; baseUrl: string; path: string },
): void {
  const topText = options.query.get('$top');
  const top = topText === null ? ctx.pageSize : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    throw badRequest(
      `$top: expected an integer from 1 to 1000, received ${JSON.stringify(topText)}`,
    );
  }
  const tokenText = options.query.get('$continuationtoken');
  const beforeSeq = tokenText === null ? undefined : Number(tokenText);
  if (beforeSeq !== undefined && (!Number.isInteger(beforeSeq) || beforeSeq < 1)) {
    throw badRequest(
      `$continuationtoken: expected the token of a previous page, received ${JSON.stringify(tokenText)}`,
    );
  }
  const rows = ctx.store.listJobs(parent.workspace, {
    properties: [['azureml.parentJobName', parent.name]],
    view: 'All',
    limit: top + 1,
    ...(beforeSeq === undefined ? {} : { beforeSeq }),
  });
  const page = rows.slice(0, top);
  const last = page.at(-1);
  const more = rows.length > top && last !== undefined;
  const token = more ? String(last.seq) : null;
  sendJson(res, 200, {
    value: page.map(runFields),
    continuationToken: token,
    nextLink:
      token === null
        ? null
        : `${options.baseUrl}${options.path}?$top=${String(top)}&$continuationtoken=${token}`,
  });
}
