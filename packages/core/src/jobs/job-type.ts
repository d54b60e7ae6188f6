import type { Job } from '../job.js';
import type { Schema } from '../schema/schema.js';

/** What a job type's `build` receives besides the validated value. */
export interface BuildContext {
  /** Folder of the job file (or the `basePath` given with text). */
  readonly basePath: string;
  /** The job file (or the `file` given with text). */
  readonly file: string;
}

/** Definition of a job type, as registered in `registry.ts`. */
export interface JobTypeDefinition<V> {
  /** The YAML `type:` value (case-sensitive, as in the service). */
  readonly type: string;
  /** The one schema of the YAML document: validator, TS type and JSON Schema. */
  readonly schema: Schema<V>;
  /** Builds the entity from the validated (camelCase) value. */
  build(value: V, context: BuildContext): Job;
}

/** A registered job type with its value type erased. */
export interface RegisteredJobType {
  readonly type: string;
  readonly schema: Schema<unknown>;
  build(value: unknown, context: BuildContext): Job;
}

/** Declares a job type for the registry. */
export function defineJobType<V>(definition: JobTypeDefinition<V>): RegisteredJobType {
  return {
    type: definition.type,
    schema: definition.schema,
    build: (value, context) => definition.build(value as V, context),
  };
}
