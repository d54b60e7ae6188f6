import { afterEach, describe, expect, it, vi } from 'vitest';
import { userAgentHeaderName, userAgentValue } from './user-agent.js';

describe('userAgentValue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('does report node and use the User-Agent header in Node', () => {
    expect(userAgentValue(undefined)).toBe('amlkit/0.1.0 (node)');
    expect(userAgentValue(' my-app/2 ')).toBe('my-app/2 amlkit/0.1.0 (node)');
    expect(userAgentHeaderName()).toBe('user-agent');
  });

  it('does report browser and use x-ms-useragent where User-Agent is forbidden', () => {
    // A browser has no process.versions.node; swap it synchronously and restore.
    vi.stubGlobal('process', { versions: {} });
    const name = userAgentHeaderName();
    const value = userAgentValue(undefined);
    vi.unstubAllGlobals();
    expect(name).toBe('x-ms-useragent');
    expect(value).toBe('amlkit/0.1.0 (browser)');
  });
});
