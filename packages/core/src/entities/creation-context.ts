/** `CreationContext` (REST `systemData`): who created and last modified a resource, and when. */

/** Constructor options of {@link CreationContext}. */
export interface CreationContextOptions {
  createdBy?: string | undefined;
  /** `User`, `Application`, `ManagedIdentity` or `Key`. */
  createdByType?: string | undefined;
  /** ISO-8601 timestamp. */
  createdAt?: string | undefined;
  lastModifiedBy?: string | undefined;
  lastModifiedByType?: string | undefined;
  /** ISO-8601 timestamp. */
  lastModifiedAt?: string | undefined;
}

/** Read-only creation metadata of a resource read from a service. */
export class CreationContext {
  /** Who created the resource. */
  readonly createdBy: string | undefined;
  /** Kind of creator. */
  readonly createdByType: string | undefined;
  /** Creation time (ISO-8601). */
  readonly createdAt: string | undefined;
  /** Who last modified the resource. */
  readonly lastModifiedBy: string | undefined;
  /** Kind of last modifier. */
  readonly lastModifiedByType: string | undefined;
  /** Last modification time (ISO-8601). */
  readonly lastModifiedAt: string | undefined;

  constructor(options: CreationContextOptions = {}) {
    this.createdBy = options.createdBy;
    this.createdByType = options.createdByType;
    this.createdAt = options.createdAt;
    this.lastModifiedBy = options.lastModifiedBy;
    this.lastModifiedByType = options.lastModifiedByType;
    this.lastModifiedAt = options.lastModifiedAt;
  }

  /** The YAML-shaped dictionary (snake_case, undefined dropped). */
  toYamlObject(): Record<string, string> {
    const out: Record<string, string> = {};
    const put = (k: string, v: string | undefined): void => {
      if (v !== undefined) out[k] = v;
    };
    put('created_at', this.createdAt);
    put('created_by', this.createdBy);
    put('created_by_type', this.createdByType);
    put('last_modified_at', this.lastModifiedAt);
    put('last_modified_by', this.lastModifiedBy);
    put('last_modified_by_type', this.lastModifiedByType);
    return out;
  }
}
