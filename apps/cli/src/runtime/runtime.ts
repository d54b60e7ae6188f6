// Entry of `dist/runtime.cjs`: everything heavy the commands need (`@amlkit/core`,
// `@amlkit/yaml`, `yaml`), bundled as one CommonJS script so that `load-runtime.ts` can compile
// it with a V8 code cache (Node 20 has no `module.enableCompileCache`).
export { JOB_TYPES, jobJsonSchema, loadJob } from '@amlkit/core';
export { formatCodeFrame } from '@amlkit/yaml';
