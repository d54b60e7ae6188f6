import { truncate } from '../internal/truncate.js';

/** The service's rule for job names on `PUT …/jobs/{id}`. */
export const JOB_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;

/**
 * Checks a job name against the service's rule
 * (`^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$`) before any request is sent.
 *
 * @throws TypeError when `name` is not a string.
 * @throws RangeError when it breaks the rule; the message says which part.
 * @example
 * assertValidJobName('sharp_pen_4k2mzq8wbd'); // ok
 * assertValidJobName('my job'); // RangeError
 */
export function assertValidJobName(name: unknown): asserts name is string {
  if (typeof name !== 'string') {
    throw new TypeError(
      `Invalid job name: expected a string, received ${name === null ? 'null' : typeof name}`,
    );
  }
  if (JOB_NAME_PATTERN.test(name)) return;
  let why: string;
  if (name === '') why = 'an empty string';
  else if (name.length > 255) why = `${name.length} characters (at most 255 allowed)`;
  else if (!/^[a-zA-Z0-9]/.test(name)) why = `a name starting with ${JSON.stringify(name[0])}`;
  else {
    const bad = /[^a-zA-Z0-9\-_]/u.exec(name.slice(1))?.[0] ?? '';
    why = `a name containing ${JSON.stringify(bad)}`;
  }
  throw new RangeError(
    `Invalid job name ${JSON.stringify(truncate(name, 80))}: expected a letter or digit followed by up to 254 letters, digits, "-" or "_" (${JOB_NAME_PATTERN.source}), received ${why}`,
  );
}
