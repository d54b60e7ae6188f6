// Entry of `dist/runtime.cjs`: everything heavy the commands need (`@amlkit/core`,
// `@amlkit/yaml`, `yaml`, `@amlkit/client` and the Node-side helpers of the job commands),
// bundled as one CommonJS script so that `load-runtime.ts` can compile it with a V8 code cache
// (Node 20 has no `module.enableCompileCache`).
export { JOB_TYPES, jobJsonSchema, loadJob } from '@amlkit/core';
export { formatCodeFrame, stringifyYaml } from '@amlkit/yaml';
export { createLocalClient } from '@amlkit/client';
export { connect, resolveTarget } from '../internal/backend.js';
export { buildDryRunRequest, PLACEHOLDER_WORKSPACE } from '../internal/dry-run.js';
export {
  amlkitHome,
  ensureLocalService,
  findRunningService,
  readServerJson,
  readToken,
  spawnService,
  stopLocalService,
  waitUntilHealthy,
} from '../internal/local-service.js';
