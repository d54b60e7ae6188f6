/** Classification of the strings that appear in `code:`, `path:`, `compute:` and `environment:`. */

/** The prefix of workspace asset references. */
export const AZUREML_PREFIX = 'azureml:';

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
const BINDING_RE = /^\s*\$\{\{.*\}\}\s*$/s;

/** `https://…`, `wasbs://…`, `azureml://…` and other `scheme://` URIs. */
export function isUri(value: string): boolean {
  return URL_RE.test(value);
}

/** A whole-value `${{…}}` data binding. */
export function isBinding(value: string): boolean {
  return BINDING_RE.test(value);
}

/** Whether a `code:`/`path:` value names a local file or folder (possibly with a `file:` prefix). */
export function isLocalPath(value: string): boolean {
  if (value.startsWith('file:')) return true;
  if (value.startsWith(AZUREML_PREFIX) || value.startsWith('git+')) return false;
  if (isUri(value) || isBinding(value)) return false;
  return !/^[a-z][a-z0-9+.-]*:[^\\]/i.test(value) || /^[a-z]:[\\/]/i.test(value);
}

/** Removes a `file:` prefix. */
export function stripFilePrefix(value: string): string {
  return value.startsWith('file:') ? value.slice(5) : value;
}
