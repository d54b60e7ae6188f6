import { AmlkitClientError, AmlkitClientErrorCode } from '../errors/amlkit-client-error.js';

/** What an {@link AssetResolutionError} is built from. */
export interface AssetResolutionErrorInit {
  /** What failed, what was expected, what was received, and where. */
  readonly message: string;
  /** The value that could not be resolved, as written. */
  readonly reference: string;
  /** The kind of asset (`environment`, `data`, `model`, `component`, `code`, `compute`, `datastore`). */
  readonly assetKind: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * An asset reference could not be resolved: an unknown label (only `@latest` and, for
 * components, `@default` are known offline), a missing version, or a malformed reference.
 */
export class AssetResolutionError extends AmlkitClientError {
  /** The value that could not be resolved, as written. */
  readonly reference: string;
  /** The kind of asset. */
  readonly assetKind: string;

  /** @param init - see {@link AssetResolutionErrorInit}. */
  constructor(init: AssetResolutionErrorInit) {
    super(
      init.message,
      AmlkitClientErrorCode.AssetResolution,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'AssetResolutionError';
    this.reference = init.reference;
    this.assetKind = init.assetKind;
  }
}

/** Whether `value` is an {@link AssetResolutionError} (checked by name and code). */
export function isAssetResolutionError(value: unknown): value is AssetResolutionError {
  return (
    value instanceof Error &&
    value.name === 'AssetResolutionError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.AssetResolution
  );
}
