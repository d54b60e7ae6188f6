import { describe, expect, it } from 'vitest';

import { parseRoute, routePath } from './route.js';

describe('parseRoute', () => {
  it('reads the studio pages', () => {
    expect(parseRoute('/studio')).toEqual({ page: 'jobs' });
    expect(parseRoute('/studio/')).toEqual({ page: 'jobs' });
    expect(parseRoute('/studio/submit')).toEqual({ page: 'submit' });
    expect(parseRoute('/studio/jobs/my_job-1')).toEqual({ page: 'job', name: 'my_job-1' });
    expect(parseRoute('/studio/jobs/%E0%A4%A')).toEqual({
      page: 'not-found',
      path: '/studio/jobs/%E0%A4%A',
    });
    expect(parseRoute('/studio/nope/x/y')).toMatchObject({ page: 'not-found' });
  });

  it('round-trips a job name through its path', () => {
    const route = { page: 'job', name: 'a b/c' } as const;
    expect(parseRoute(routePath(route))).toEqual(route);
  });
});
