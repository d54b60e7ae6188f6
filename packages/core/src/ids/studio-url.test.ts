import { describe, expect, it } from 'vitest';
import { STUDIO_HOSTS, formatStudioUrl, studioUrl } from './studio-url.js';

const ID =
  '/subscriptions/0000-1111/resourceGroups/my-rg/providers/Microsoft.MachineLearningServices/workspaces/my_ws/jobs/olden_deer_2xqthlj4m4';
const EXPECTED =
  'https://ml.azure.com/runs/olden_deer_2xqthlj4m4?wsid=/subscriptions/0000-1111/resourcegroups/my-rg/workspaces/my_ws';

describe('studioUrl', () => {
  it('builds the URL from the job ARM id with lowercase resourcegroups', () => {
    expect(studioUrl({ id: ID })).toBe(EXPECTED);
  });

  it('prefers the Studio service endpoint', () => {
    const endpoint = 'https://ml.azure.com/runs/x?wsid=/abc';
    expect(
      studioUrl({
        id: ID,
        services: { Studio: { endpoint }, Tracking: { endpoint: 'azureml://t' } },
      }),
    ).toBe(endpoint);
    expect(studioUrl({ id: ID, services: { Studio: { endpoint: undefined } } })).toBe(EXPECTED);
  });

  it('uses the host of the chosen cloud or a base URL', () => {
    expect(studioUrl({ id: ID }, { cloud: 'AzureChinaCloud' })).toBe(
      EXPECTED.replace(STUDIO_HOSTS.AzureCloud, 'https://ml.azure.cn'),
    );
    expect(studioUrl({ id: ID }, { cloud: 'AzureUSGovernment' })).toMatch(
      /^https:\/\/ml\.azure\.us\/runs\//,
    );
    expect(studioUrl({ id: ID }, { baseUrl: 'http://127.0.0.1:8765/studio/' })).toBe(
      EXPECTED.replace(STUDIO_HOSTS.AzureCloud, 'http://127.0.0.1:8765/studio'),
    );
  });

  it.each([
    ['no id', undefined],
    ['a job name with a dot', ID.replace('olden_deer_2xqthlj4m4', 'my.job')],
    [
      'lowercase resourcegroups (case-sensitive, like the SDK)',
      ID.replace('resourceGroups', 'resourcegroups'),
    ],
    ['a non-job id', ID.replace('/jobs/', '/computes/')],
    ['an azureml: prefix', `azureml:${ID}`],
  ])('gives undefined for %s', (_label, id) => {
    expect(studioUrl(id === undefined ? {} : { id })).toBeUndefined();
  });

  it('throws a TypeError for an unknown cloud', () => {
    expect(() => studioUrl({ id: ID }, { cloud: 'Mars' as 'AzureCloud' })).toThrow(TypeError);
  });
});

describe('formatStudioUrl', () => {
  it('always builds a URL and encodes the job name', () => {
    expect(
      formatStudioUrl({ subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' }, 'a b'),
    ).toBe('https://ml.azure.com/runs/a%20b?wsid=/subscriptions/s/resourcegroups/rg/workspaces/ws');
  });
});
