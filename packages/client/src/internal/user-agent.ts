import { isNodeRuntime } from './runtime.js';
import { VERSION } from './version.js';

/** `amlkit/<version> (node|browser)`, prefixed by the caller's own product token when given. */
export function userAgentValue(prefix: string | undefined): string {
  const own = `amlkit/${VERSION} (${isNodeRuntime() ? 'node' : 'browser'})`;
  return prefix === undefined || prefix.trim() === '' ? own : `${prefix.trim()} ${own}`;
}

/** The header that carries the user agent: browsers forbid setting `User-Agent`. */
export function userAgentHeaderName(): string {
  return isNodeRuntime() ? 'user-agent' : 'x-ms-useragent';
}
