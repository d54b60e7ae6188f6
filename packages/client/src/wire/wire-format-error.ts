import { AmlkitClientError, AmlkitClientErrorCode } from '../errors/amlkit-client-error.js';

/** What a {@link WireFormatError} is built from. */
export interface WireFormatErrorInit {
  /** What failed, what was expected, what was received, and where. */
  readonly message: string;
  /** JSON path of the offending value (`properties.inputs.x`), or the entity field. */
  readonly path?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * A job could not be converted to or from its REST JSON: a REST body that is not a job
 * (no `properties`, no `jobType`, a child job with `properties: null`), or an entity value
 * the wire format cannot carry (e.g. an unsupported job type in `toRestJob`).
 */
export class WireFormatError extends AmlkitClientError {
  /** JSON path of the offending value, when known. */
  readonly path: string | undefined;

  /** @param init - see {@link WireFormatErrorInit}. */
  constructor(init: WireFormatErrorInit) {
    super(
      init.message,
      AmlkitClientErrorCode.WireFormat,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'WireFormatError';
    this.path = init.path;
  }
}

/** Whether `value` is a {@link WireFormatError} (checked by name and code). */
export function isWireFormatError(value: unknown): value is WireFormatError {
  return (
    value instanceof Error &&
    value.name === 'WireFormatError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.WireFormat
  );
}
