/** A short, safe rendering of a received value for error messages (truncated to 60 characters). */
export function describeValue(value: unknown): string {
  let shown: string;
  if (typeof value === 'string') shown = JSON.stringify(value);
  else if (value === null || value === undefined) shown = String(value);
  else if (typeof value === 'number' || typeof value === 'boolean') shown = String(value);
  else if (Array.isArray(value)) shown = 'an array';
  else shown = typeof value === 'object' ? 'an object' : typeof value;
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}
