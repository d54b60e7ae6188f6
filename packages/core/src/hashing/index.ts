/**
 * Hashing and Python-serialization emulation that azure-ai-ml 1.4.0 uses to name anonymous
 * assets. Everything here is synchronous, pure JavaScript and runs in Node and browsers.
 *
 * The Node-only build-context folder walk is NOT exported here (it imports `node:fs`); import
 * `buildContextUploadHash` from `./build-context-hash.node.js` in a Node-only entry point.
 */
export { md5Hex, createMd5 } from './md5.js';
export type { Md5 } from './md5.js';
export { sha256Hex } from './sha256.js';
export { stableHash } from './stable-hash.js';
export { pythonStrJoin } from './python-str-join.js';
export { PyFloat, pyFloat, isPyFloat } from './py-float.js';
export type { PyValue } from './py-float.js';
export { pyyamlDump } from './pyyaml-dump.js';
export type { PyyamlDumpOptions } from './pyyaml-dump.js';
export { pythonJsonDumps } from './python-json-dumps.js';
export type { PythonJsonDumpsOptions } from './python-json-dumps.js';
export { anonymousEnvironmentVersion } from './anonymous-environment-version.js';
export type {
  AnonymousEnvironmentVersionInput,
  AnonymousEnvironmentVersionOptions,
} from './anonymous-environment-version.js';
export { anonymousComponentId } from './anonymous-component-id.js';
