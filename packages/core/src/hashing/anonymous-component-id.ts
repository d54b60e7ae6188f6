import { md5Hex } from './md5.js';
import type { PyValue } from './py-float.js';
import { pythonJsonDumps } from './python-json-dumps.js';

/**
 * The version (a UUID-formatted MD5, 8-4-4-4-12) the SDK gives an anonymous component:
 * `md5(json.dumps(D, sort_keys=True))`, where `D` is the `hash_input` of the golden
 * `resolver_calls` (the component's `_to_dict()` without `name`/`id`/`version`, or for pipeline
 * components the REST `component_spec` without `name`/`_source`/`id`/`version`).
 *
 * The id of the component is then `WS/components/azureml_anonymous/versions/<this>`.
 * Integral floats in `hashInput` must be wrapped with {@link pyFloat}.
 *
 * @example
 * ```ts
 * anonymousComponentId({ type: 'command', command: 'echo hi', is_deterministic: true });
 * // 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'
 * ```
 */
export function anonymousComponentId(hashInput: PyValue): string {
  const hex = md5Hex(pythonJsonDumps(hashInput, { sortKeys: true }));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
