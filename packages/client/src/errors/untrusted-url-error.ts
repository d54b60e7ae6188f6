import { redactUrl } from '../internal/redact.js';
import { AmlkitClientError, AmlkitClientErrorCode } from './amlkit-client-error.js';

/** What an {@link UntrustedUrlError} is built from. */
export interface UntrustedUrlErrorInit {
  /** The refused URL. */
  readonly url: string;
  /** Where the URL came from, e.g. `nextLink`, `Location header`, `request url`. */
  readonly source: string;
  /** The origins the transport sends credentials to. */
  readonly allowedOrigins: readonly string[];
}

/**
 * A URL handed over by the server (`nextLink`, `Location`) or the caller points
 * at an origin the transport does not trust, so it was refused before any
 * request (the bearer token would have leaked to that host).
 */
export class UntrustedUrlError extends AmlkitClientError {
  /** The refused URL, credential query parameters redacted. */
  readonly url: string;
  /** Where the URL came from. */
  readonly source: string;
  /** The origins the transport trusts. */
  readonly allowedOrigins: readonly string[];

  /** @param init - see {@link UntrustedUrlErrorInit}. */
  constructor(init: UntrustedUrlErrorInit) {
    const url = redactUrl(init.url);
    super(
      `Refused the ${init.source} ${JSON.stringify(url)}: expected a URL on ${init.allowedOrigins.join(' or ')}, received one on another origin`,
      AmlkitClientErrorCode.UntrustedUrl,
    );
    this.name = 'UntrustedUrlError';
    this.url = url;
    this.source = init.source;
    this.allowedOrigins = [...init.allowedOrigins];
  }
}

/** Whether `value` is an {@link UntrustedUrlError} (checked by name and code). */
export function isUntrustedUrlError(value: unknown): value is UntrustedUrlError {
  return (
    value instanceof Error &&
    value.name === 'UntrustedUrlError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.UntrustedUrl
  );
}
