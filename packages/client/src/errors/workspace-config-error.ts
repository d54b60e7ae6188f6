import { AmlkitClientError, AmlkitClientErrorCode } from './amlkit-client-error.js';

/** What a {@link WorkspaceConfigError} is built from. */
export interface WorkspaceConfigErrorInit {
  /** The full message: what failed, what was expected, what was received, where. */
  readonly message: string;
  /** The config file involved, if any. */
  readonly path?: string | undefined;
  /** The underlying error (e.g. a JSON syntax error). */
  readonly cause?: unknown;
}

/**
 * The workspace could not be resolved: a field is missing from every source,
 * or a `config.json` is unreadable, not JSON or lacks a key.
 */
export class WorkspaceConfigError extends AmlkitClientError {
  /** The config file involved, if any. */
  readonly path: string | undefined;

  /** @param init - see {@link WorkspaceConfigErrorInit}. */
  constructor(init: WorkspaceConfigErrorInit) {
    super(
      init.message,
      AmlkitClientErrorCode.WorkspaceConfig,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'WorkspaceConfigError';
    this.path = init.path;
  }
}

/** Whether `value` is a {@link WorkspaceConfigError} (checked by name and code). */
export function isWorkspaceConfigError(value: unknown): value is WorkspaceConfigError {
  return (
    value instanceof Error &&
    value.name === 'WorkspaceConfigError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.WorkspaceConfig
  );
}
