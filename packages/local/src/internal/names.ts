import { badRequest } from './http.js';

/** The ARM job name pattern (PUT): case-sensitive, 1–255 characters. */
export const JOB_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;
/** The workspace name pattern of the new spec layout. */
export const WORKSPACE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
/** Resource groups: 1–90 characters of letters, digits, `-_.()`, not ending with a dot. */
export const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
/** Subscription ids: GUID-like, lenient. */
export const SUBSCRIPTION = /^[0-9a-zA-Z-]{1,64}$/;
/** Snapshot ids: a single safe path segment. */
export const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** A lower-case hex SHA-256. */
export const SHA256 = /^[0-9a-f]{64}$/;

export function checkName(kind: string, value: string, pattern: RegExp, expected: string): void {
  if (!pattern.test(value)) {
    throw badRequest(
      `Invalid ${kind}: expected ${expected}, received ${JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value)}`,
    );
  }
}

export function checkJobName(name: string): void {
  checkName(
    'job name',
    name,
    JOB_NAME,
    `a letter or digit followed by up to 254 letters, digits, '-' or '_' (${JOB_NAME.source})`,
  );
}

/**
 * Validates a relative file path (`a/b.py`): `/`-separated, no empty, `.` or `..` segment, no
 * absolute path, no backslash, no NUL. Returns its segments.
 */
export function checkRelativePath(path: unknown, where: string): string[] {
  if (typeof path !== 'string' || path === '' || path.length > 4096) {
    throw badRequest(
      `Invalid ${where}: expected a relative path of 1–4096 characters, received ${JSON.stringify(path)}`,
    );
  }
  const segments = path.split('/');
  for (const segment of segments) {
    if (!isSafeSegment(segment)) {
      throw badRequest(
        `Invalid ${where}: expected a relative path without empty, '.' or '..' segments, backslashes or NUL, received ${JSON.stringify(path)}`,
      );
    }
  }
  return segments;
}

/** Whether one decoded path segment is a plain name. */
export function isSafeSegment(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !segment.includes('/') &&
    !segment.includes('\\') &&
    !segment.includes('\0') &&
    segment.length <= 255
  );
}
