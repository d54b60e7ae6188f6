import { describe, expect, it } from 'vitest';
import { parseArmErrorBody } from './arm-error-body.js';

describe('parseArmErrorBody', () => {
  it('does read the enveloped ARM error with details and additionalInfo', () => {
    const detail = parseArmErrorBody({
      error: {
        code: 'UserError',
        message: 'Invalid job',
        target: 'properties.command',
        details: [{ code: 'Inner', message: 'deep' }, 'junk'],
        additionalInfo: [
          { type: 'InnerError', info: { value: { code: 'NotFoundError' } } },
          { nope: 1 },
        ],
      },
    });
    expect(detail).toEqual({
      code: 'UserError',
      message: 'Invalid job',
      target: 'properties.command',
      details: [{ code: 'Inner', message: 'deep' }],
      additionalInfo: [{ type: 'InnerError', info: { value: { code: 'NotFoundError' } } }],
    });
  });

  it('does accept a bare { code, message } and reject non-errors', () => {
    expect(parseArmErrorBody({ code: 'X', message: 'y' })).toEqual({ code: 'X', message: 'y' });
    expect(parseArmErrorBody({ value: [] })).toBeUndefined();
    expect(parseArmErrorBody('error')).toBeUndefined();
    expect(parseArmErrorBody(null)).toBeUndefined();
    expect(parseArmErrorBody({ error: 'string' })).toBeUndefined();
  });
});
