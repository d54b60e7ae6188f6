import { CreationContext } from './entities/creation-context.js';
import type { CreationContextOptions } from './entities/creation-context.js';

/** Constructor options of {@link Resource} (camelCase). */
export interface ResourceOptions {
  /** Resource name. */
  name?: string | undefined;
  /** Description. */
  description?: string | undefined;
  /** Tags (copied; `{}` when absent). */
  tags?: Record<string, string> | undefined;
  /** Properties (copied; `{}` when absent). */
  properties?: Record<string, string> | undefined;
  /** Read-only: the ARM id, set by clients reading from a service. */
  id?: string | undefined;
  /** Read-only: creation metadata, set by clients reading from a service. */
  creationContext?: CreationContext | CreationContextOptions | undefined;
  /** Directory relative paths resolve against. @default process.cwd() */
  basePath?: string | undefined;
}

/** The base of every entity (Python `Resource`). */
export abstract class Resource {
  /** Name. */
  name: string | undefined;
  /** Description. */
  description: string | undefined;
  /** Tags (never undefined). */
  tags: Record<string, string>;
  /** Properties (never undefined). */
  properties: Record<string, string>;
  /** The ARM id (read-only; set when read from a service). */
  readonly id: string | undefined;
  /** Creation metadata (read-only; set when read from a service). */
  readonly creationContext: CreationContext | undefined;
  /** Directory relative paths (`code:`, local inputs…) resolve against: the YAML file's folder, or the working directory. */
  readonly basePath: string;

  constructor(options: ResourceOptions = {}) {
    this.name = options.name;
    this.description = options.description;
    this.tags = { ...options.tags };
    this.properties = { ...options.properties };
    this.id = options.id;
    const cc = options.creationContext;
    this.creationContext =
      cc === undefined ? undefined : cc instanceof CreationContext ? cc : new CreationContext(cc);
    this.basePath = options.basePath ?? process.cwd();
  }
}
