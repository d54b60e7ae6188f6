import { formatDiagnostic } from '../format-diagnostic.js';
import { YamlError } from '../yaml-error.js';
import type { YamlDiagnostic } from '../yaml-error.js';

/** Builds the thrown error for a list of diagnostics. */
export function errorFromDiagnostics(diagnostics: YamlDiagnostic[], cause?: unknown): YamlError {
  const first = diagnostics[0]!;
  const more =
    diagnostics.length > 1
      ? ` (and ${diagnostics.length - 1} more problem${diagnostics.length > 2 ? 's' : ''})`
      : '';
  return new YamlError(first.code, `${formatDiagnostic(first)}${more}`, {
    diagnostics,
    ...(cause === undefined ? {} : { cause }),
  });
}
