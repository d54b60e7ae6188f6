import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An ARM error answered to the client (thrown by route handlers). */
export class ArmHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ArmHttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function badRequest(message: string, code = 'UserError'): ArmHttpError {
  return new ArmHttpError(400, code, message);
}

export function notFound(message: string, code = 'ResourceNotFound'): ArmHttpError {
  return new ArmHttpError(404, code, message);
}

/** Truncates and quotes a received value for an error message. */
export function describeReceived(value: unknown): string {
  let text: string;
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

const CLIENT_REQUEST_ID = /^[\w.:-]{1,200}$/;

/** Sets the headers every response carries: request ids and no-cache. */
export function setCommonHeaders(req: IncomingMessage, res: ServerResponse): string {
  const requestId = randomUUID();
  res.setHeader('x-ms-request-id', requestId);
  res.setHeader('x-ms-correlation-request-id', requestId);
  const clientId = req.headers['x-ms-client-request-id'];
  if (typeof clientId === 'string' && CLIENT_REQUEST_ID.test(clientId)) {
    res.setHeader('x-ms-client-request-id', clientId);
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Expires', '-1');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return requestId;
}

/** Answers a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Answers with no body. */
export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'Content-Length': '0' });
  res.end();
}

/** Answers the ARM `ErrorResponse` envelope. */
export function sendArmError(res: ServerResponse, error: ArmHttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message, details: [], additionalInfo: [] } },
    error.headers,
  );
}

/**
 * Reads the whole body up to `limitBytes` (413 `RequestEntityTooLarge` beyond it, checked
 * against `Content-Length` first, then while reading).
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes, declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw tooLarge(limitBytes, size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

export function tooLarge(limitBytes: number, received: number): ArmHttpError {
  return new ArmHttpError(
    413,
    'RequestEntityTooLarge',
    `The request body is too large: expected at most ${limitBytes} bytes, received ${received} bytes or more`,
    { Connection: 'close' },
  );
}

/** Reads and parses a JSON body (400 when it is not JSON). */
export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const body = await readBody(req, limitBytes);
  if (body.length === 0) throw badRequest('The request body is empty: expected a JSON document');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw badRequest(
      `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
