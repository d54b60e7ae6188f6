import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

import { ArmHttpError, badRequest, notFound } from './http.js';
import { isSafeSegment } from './names.js';

/**
 * Resolves `segments` inside `root` and proves the result stays there: every segment is a
 * plain name, and the real path (symlinks followed) is `root` or below it.
 * @throws ArmHttpError 400 for a bad segment, 403 for an escape, 404 when missing.
 */
export async function resolveInside(
  root: string,
  segments: readonly string[],
  what: string,
): Promise<string> {
  for (const segment of segments) {
    if (!isSafeSegment(segment)) {
      throw badRequest(
        `Invalid ${what} path: expected plain names without '.', '..', '/', '\\' or NUL, received ${JSON.stringify(segments.join('/'))}`,
      );
    }
  }
  let realRoot: string;
  let target: string;
  try {
    realRoot = await realpath(root);
    target = await realpath(join(root, ...segments));
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      throw notFound(`No ${what} '${segments.join('/')}' exists`, 'NotFound');
    }
    throw error;
  }
  if (target !== realRoot && !target.startsWith(realRoot + sep)) {
    throw new ArmHttpError(
      403,
      'PathOutsideJob',
      `The ${what} path '${segments.join('/')}' resolves outside its folder (through a symbolic link); refused`,
    );
  }
  return target;
}
