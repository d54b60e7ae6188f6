/** The stable `code` of every {@link AssetReferenceError}. */
export const AssetReferenceErrorCode = {
  /** Not a workspace ARM id (`/subscriptions/…/workspaces/<ws>/<kind>/<name>[…]`). */
  InvalidArmId: 'INVALID_ARM_ID',
  /** Not a registry asset id (`azureml://registries/<registry>/<kind>/<name>[…]`). */
  InvalidRegistryId: 'INVALID_REGISTRY_ID',
  /** Not a valid `azureml:` reference. */
  InvalidAssetReference: 'INVALID_ASSET_REFERENCE',
  /** Not a valid job name. */
  InvalidJobName: 'INVALID_JOB_NAME',
} as const;

/** One of the codes in {@link AssetReferenceErrorCode}. */
export type AssetReferenceErrorCode =
  (typeof AssetReferenceErrorCode)[keyof typeof AssetReferenceErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(AssetReferenceErrorCode));

/** Options of the {@link AssetReferenceError} constructor. */
export interface AssetReferenceErrorOptions {
  /** The stable error code. */
  readonly code: AssetReferenceErrorCode;
  /** The text that could not be read. */
  readonly input: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Thrown when an id, an `azureml:` reference or a job name cannot be read. Check it with
 * {@link isAssetReferenceError} rather than `instanceof` (duplicate installs).
 *
 * @example
 * ```ts
 * try {
 *   parseArmId('/subscriptions/x');
 * } catch (error) {
 *   if (isAssetReferenceError(error)) console.error(error.code, error.input);
 * }
 * ```
 */
export class AssetReferenceError extends Error {
  /** A stable error code; see {@link AssetReferenceErrorCode}. */
  readonly code: AssetReferenceErrorCode;
  /** The text that could not be read. */
  readonly input: string;

  /**
   * @param message - What failed, what was expected, what was received.
   * @param options - The code, the offending input and the optional cause.
   */
  constructor(message: string, options: AssetReferenceErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AssetReferenceError';
    this.code = options.code;
    this.input = options.input;
  }
}

/**
 * Tells whether `error` is an {@link AssetReferenceError} (checks `name` and `code`, so it
 * also recognises errors from another copy of the package).
 */
export function isAssetReferenceError(error: unknown): error is AssetReferenceError {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'AssetReferenceError' && typeof code === 'string' && CODES.has(code);
}
