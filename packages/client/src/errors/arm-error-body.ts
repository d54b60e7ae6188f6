/** One `additionalInfo` entry of an ARM error (`{ type, info }`). */
export interface ArmErrorAdditionalInfo {
  /** The kind of information, e.g. `Correlation`, `InnerError`. */
  readonly type: string;
  /** The information itself; its shape depends on `type`. */
  readonly info?: unknown;
}

/**
 * The `error` member of an ARM `ErrorResponse` (common-types v3):
 * `{ "error": { code, message, target?, details?, additionalInfo? } }`.
 */
export interface ArmErrorDetail {
  /** The service's error code, e.g. `UserError`, `ResourceNotFound`. */
  readonly code: string;
  /** The service's human-readable message. */
  readonly message: string;
  /** The part of the request the error is about. */
  readonly target?: string;
  /** Nested errors. */
  readonly details?: readonly ArmErrorDetail[];
  /** Extra typed information (correlation ids, inner errors, …). */
  readonly additionalInfo?: readonly ArmErrorAdditionalInfo[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDetail(value: unknown, depth: number): ArmErrorDetail | undefined {
  if (!isRecord(value)) return undefined;
  const { code, message, target, details, additionalInfo } = value;
  if (typeof code !== 'string' && typeof message !== 'string') return undefined;
  const detail: {
    code: string;
    message: string;
    target?: string;
    details?: ArmErrorDetail[];
    additionalInfo?: ArmErrorAdditionalInfo[];
  } = {
    code: typeof code === 'string' ? code : '',
    message: typeof message === 'string' ? message : '',
  };
  if (typeof target === 'string') detail.target = target;
  if (Array.isArray(details) && depth < 8) {
    detail.details = details
      .map((d) => toDetail(d, depth + 1))
      .filter((d): d is ArmErrorDetail => d !== undefined);
  }
  if (Array.isArray(additionalInfo)) {
    detail.additionalInfo = additionalInfo
      .filter(isRecord)
      .filter((i) => typeof i.type === 'string')
      .map((i) => ({ type: i.type as string, info: i.info }));
  }
  return detail;
}

/**
 * Reads the ARM error out of a parsed response body. Accepts the enveloped
 * form `{ error: {…} }` and, leniently, a bare `{ code, message }`.
 *
 * @returns the error detail, or `undefined` when the body is not an ARM error.
 * @example
 * parseArmErrorBody({ error: { code: 'UserError', message: 'bad' } })?.code; // 'UserError'
 */
export function parseArmErrorBody(body: unknown): ArmErrorDetail | undefined {
  if (!isRecord(body)) return undefined;
  if ('error' in body) return toDetail(body.error, 0);
  return toDetail(body, 0);
}
