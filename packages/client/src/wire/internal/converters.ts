import type { RestJobConverter } from '../rest-job-converter.js';

/**
 * The job types the wire format knows, by entity `type`. A new job type plugs in with one
 * line here (see `src/wire/README.md`).
 */
export const CONVERTERS: ReadonlyMap<string, RestJobConverter> = new Map<string, RestJobConverter>(
  [],
);

/** The converter for a REST `jobType` (case-sensitive), if any. */
export function converterForJobType(jobType: string): RestJobConverter | undefined {
  for (const converter of CONVERTERS.values()) if (converter.jobType === jobType) return converter;
  return undefined;
}
