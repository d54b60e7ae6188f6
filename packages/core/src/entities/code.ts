/** The `code:` field: a local folder/file (must exist at load time), a URL, a `git+` path or an `azureml:` reference. */
import { resolve } from 'node:path';
import { describeReceived } from '../internal/received.js';
import { isLocalPath, stripFilePrefix } from '../internal/references.js';
import { s } from '../schema/builders.js';
import { INVALID } from '../schema/schema.js';

const EXPECTED = 'a local path, a URL, a git+ path or an azureml: reference';

/**
 * Code location. A local path is kept as written on the entity and must exist (checked
 * after the synchronous pass, relative to the file that contains it, as the SDK does).
 */
export const codeSchema = s
  .custom<string>({
    expected: EXPECTED,
    parse(value, ctx) {
      if (typeof value !== 'string' || value.trim() === '') {
        ctx.report('JOB_INVALID_TYPE', 'Not a valid code location.', {
          expected: EXPECTED,
          received: describeReceived(value),
        });
        return INVALID;
      }
      if (isLocalPath(value)) {
        ctx.defer(async (c) => {
          const absolute = resolve(c.env.basePath, stripFilePrefix(value));
          if ((await c.env.pathKind(absolute)) === undefined) {
            c.report(
              'JOB_PATH_NOT_FOUND',
              `Can't find directory or file in resolved absolute path: ${absolute}.`,
              {
                expected: 'an existing local directory or file',
                received: describeReceived(value),
              },
            );
          }
        });
      }
      return value;
    },
    matches: (value) => typeof value === 'string',
    jsonSchema: () => ({ type: 'string', minLength: 1 }),
  })
  .describe('Local path (relative to the YAML file), URL, git+ path or azureml: code reference.');

/** The absolute form of a local `code:` value (other values unchanged). */
export function resolveCodePath(code: string, basePath: string): string {
  return isLocalPath(code) ? resolve(basePath, stripFilePrefix(code)) : code;
}
