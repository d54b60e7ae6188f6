// Lazy access to the workspace packages the commands need. Commands call these functions
// (the entry never imports the packages), so the bundle loads `@amlkit/core`, `@amlkit/yaml`
// and `yaml` only when a command actually needs them.
import type * as Core from '@amlkit/core';
import type { CodeFrameFormatter } from './diagnostics.js';

/** A job loaded by `@amlkit/core`. */
export type LoadedJob = Core.Job;

/** Loads `@amlkit/core`. */
export async function importCore(): Promise<typeof Core> {
  return import('@amlkit/core');
}

/** Loads `@amlkit/yaml`'s code-frame formatter. */
export async function importCodeFrame(): Promise<CodeFrameFormatter> {
  const { formatCodeFrame } = await import('@amlkit/yaml');
  return formatCodeFrame;
}
