import { AmlkitClientError, AmlkitClientErrorCode } from './amlkit-client-error.js';

/** What a {@link CredentialError} is built from. */
export interface CredentialErrorInit {
  /** The scopes the token was requested for. */
  readonly scopes: readonly string[];
  /** What went wrong, e.g. `threw`, `returned null`. */
  readonly reason: string;
  /** The error the credential threw. */
  readonly cause?: unknown;
}

/**
 * The injected `TokenCredential` could not supply a token: it threw, returned
 * `null` or returned a malformed token. The credential's own error is `cause`.
 * No request was sent.
 */
export class CredentialError extends AmlkitClientError {
  /** The scopes the token was requested for. */
  readonly scopes: readonly string[];

  /** @param init - see {@link CredentialErrorInit}. */
  constructor(init: CredentialErrorInit) {
    const causeText =
      init.cause instanceof Error ? `: ${init.cause.name}: ${init.cause.message}` : '';
    super(
      `Getting an access token for ${init.scopes.join(' ')} failed: expected the credential to return { token, expiresOnTimestamp }, but it ${init.reason}${causeText}`,
      AmlkitClientErrorCode.Credential,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'CredentialError';
    this.scopes = [...init.scopes];
  }
}

/** Whether `value` is a {@link CredentialError} (checked by name and code). */
export function isCredentialError(value: unknown): value is CredentialError {
  return (
    value instanceof Error &&
    value.name === 'CredentialError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.Credential
  );
}
