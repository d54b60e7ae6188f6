// Lazy access to the workspace packages the commands need. The entry never imports them; the
// commands get them through `loadRuntime()`, which in the bundled CLI runs `dist/runtime.cjs`
// (`@amlkit/core`, `@amlkit/yaml`, `yaml`) with a V8 code cache.
import type { Job } from '@amlkit/core';
import type { CodeFrameFormatter } from './diagnostics.js';
import { loadRuntime, type CliRuntime } from './load-runtime.js';

/** A job loaded by `@amlkit/core`. */
export type LoadedJob = Job;

/** Loads `@amlkit/core`'s `loadJob`, `JOB_TYPES` and `jobJsonSchema`. */
export async function importCore(): Promise<CliRuntime> {
  return loadRuntime();
}

/** Loads `@amlkit/yaml`'s code-frame formatter. */
export async function importCodeFrame(): Promise<CodeFrameFormatter> {
  return (await loadRuntime()).formatCodeFrame;
}
