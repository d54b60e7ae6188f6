import { describe, expect, it } from 'vitest';
import { isAmlkitClientError } from './amlkit-client-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createHttpError,
  HttpError,
  InternalServerError,
  isConflictError,
  isHttpError,
  isNotFoundError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
} from './http-error.js';

const base = {
  method: 'PUT',
  url: 'https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/x?api-version=2025-12-01',
};

describe('createHttpError', () => {
  it.each([
    [400, BadRequestError, 'BAD_REQUEST'],
    [401, AuthenticationError, 'AUTHENTICATION'],
    [403, PermissionDeniedError, 'PERMISSION_DENIED'],
    [404, NotFoundError, 'NOT_FOUND'],
    [409, ConflictError, 'CONFLICT'],
    [429, RateLimitError, 'RATE_LIMIT'],
    [500, InternalServerError, 'INTERNAL_SERVER'],
    [503, InternalServerError, 'INTERNAL_SERVER'],
    [418, HttpError, 'HTTP'],
  ] as const)('does map %i to its class and code', (status, Class, code) => {
    const error = createHttpError({ ...base, status });
    expect(error.constructor).toBe(Class);
    expect(error.code).toBe(code);
    expect(error.name).toBe(Class.name);
    expect(isHttpError(error)).toBe(true);
    expect(isAmlkitClientError(error)).toBe(true);
  });

  it('does write "METHOD url failed with status: code: message (request id)"', () => {
    const error = createHttpError({
      ...base,
      status: 409,
      requestId: 'req-1',
      error: { code: 'UserError', message: 'Job x already exists with a different type.' },
    });
    expect(error.message).toBe(
      'PUT https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/x failed with 409 Conflict: UserError: Job x already exists with a different type. (request id req-1)',
    );
    expect(error.url).toBe(base.url);
    expect(error.error?.code).toBe('UserError');
  });

  it('does redact authorization and credential query parameters', () => {
    const error = createHttpError({
      method: 'GET',
      url: 'https://acct.blob.core.windows.net/logs/std.txt?sv=1&sig=SECRET',
      status: 403,
      headers: {
        Authorization: 'Bearer SECRET',
        'X-Azureml-Token': 'SECRET',
        'x-ms-request-id': 'r',
      },
    });
    expect(error.headers).toEqual({
      authorization: '<redacted>',
      'x-azureml-token': '<redacted>',
      'x-ms-request-id': 'r',
    });
    expect(JSON.stringify(error)).not.toContain('SECRET');
    expect(error.message).not.toContain('SECRET');
  });
});

describe('transport-level errors', () => {
  it('does describe connection, timeout and abort failures without a status', () => {
    const cause = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const connection = new ConnectionError({ ...base, requestId: 'c', cause });
    expect(connection.status).toBeUndefined();
    expect(connection.message).toContain(
      'failed: expected an HTTP response, but the connection failed or was lost (fetch failed: ECONNRESET) (request id c)',
    );
    expect(connection.cause).toBe(cause);
    const timeout = new RequestTimeoutError({ ...base, timeoutMs: 1500 });
    expect(timeout.message).toContain('timed out: expected a complete response within 1500 ms');
    expect(new RequestAbortedError(base).code).toBe('REQUEST_ABORTED');
  });
});

describe('isHttpError guards', () => {
  it('does recognise errors from another copy of the package by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'NotFoundError', code: 'NOT_FOUND' });
    expect(isNotFoundError(foreign)).toBe(true);
    expect(isHttpError(foreign)).toBe(true);
    expect(isConflictError(foreign)).toBe(false);
  });

  it('does reject look-alikes that are not errors or lack a code', () => {
    expect(isHttpError({ name: 'HttpError', code: 'HTTP' })).toBe(false);
    expect(isHttpError(Object.assign(new Error('x'), { name: 'HttpError' }))).toBe(false);
    expect(isHttpError(new Error('x'))).toBe(false);
  });
});
