export {
  parseYaml,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_ALIAS_COUNT,
} from './parse-yaml.js';
export type { ParseYamlOptions, ParsedYaml } from './parse-yaml.js';
export { readYamlFile } from './read-yaml-file.js';
export type { ReadYamlFileOptions } from './read-yaml-file.js';
export type { PathSegment, SourceLocation, SourceMap, LocateOptions } from './source-map.js';
export { YamlError, YamlErrorCode, isYamlError } from './yaml-error.js';
export type { YamlDiagnostic, YamlErrorOptions } from './yaml-error.js';
export { formatPath } from './format-path.js';
export { formatDiagnostic } from './format-diagnostic.js';
export type { FormatDiagnosticOptions } from './format-diagnostic.js';
export { formatCodeFrame } from './format-code-frame.js';
export type { FormatCodeFrameOptions } from './format-code-frame.js';
export { parseSetExpression } from './parse-set-expression.js';
export type { SetOverride } from './parse-set-expression.js';
export { formatSetExpression } from './format-set-expression.js';
export { applySetOverrides } from './apply-set-overrides.js';
export { stringifyYaml } from './stringify-yaml.js';
export type { StringifyYamlOptions, SortKeysFunction } from './stringify-yaml.js';
export { writeYamlFile } from './write-yaml-file.js';
export type { WriteYamlFileOptions } from './write-yaml-file.js';
export { writeYamlStream } from './write-yaml-stream.js';
