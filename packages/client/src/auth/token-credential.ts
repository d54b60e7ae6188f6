/**
 * An access token, as `@azure/core-auth` shapes it (structurally identical, so
 * `@azure/identity` credentials fit without this package depending on them).
 */
export interface AccessToken {
  /** The bearer token. */
  token: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the token should be refreshed, in milliseconds since the epoch. */
  refreshAfterTimestamp?: number;
  /** The token type; `Bearer` when absent. */
  tokenType?: 'Bearer' | 'pop';
}

/**
 * Options passed to {@link TokenCredential.getToken}: the part of the `@azure/core-auth` shape
 * this package passes. Every field is one `@azure/core-auth` accepts with the same type, so a
 * real `@azure/identity` credential satisfies {@link TokenCredential} without an adapter, also
 * under `exactOptionalPropertyTypes` (no `tracingOptions`: its `tracingContext` type cannot be
 * matched without depending on `@azure/core-tracing`).
 */
export interface GetTokenOptions {
  /** Aborts the token request. */
  abortSignal?: AbortSignal;
  /** Claims requested by a CAE challenge. */
  claims?: string;
  /** The tenant to request the token from. */
  tenantId?: string;
  /** Whether continuous access evaluation is enabled. */
  enableCae?: boolean;
  /** Request options of the credential's own HTTP calls. */
  requestOptions?: { timeout?: number };
}

/**
 * Something that can supply an access token: the `@azure/core-auth`
 * `TokenCredential` interface. `DefaultAzureCredential` from `@azure/identity`
 * satisfies it; {@link createStaticTokenCredential} makes one for the local service.
 */
export interface TokenCredential {
  /**
   * Gets a token for the scopes, or `null` when none can be had.
   * @param scopes - e.g. `https://management.azure.com/.default`.
   */
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/** The ARM scope: what Azure ML jobs and the run-history data plane accept. */
export const AZURE_MANAGEMENT_SCOPE = 'https://management.azure.com/.default';
