import { MalformedResponseError } from '../errors/http-error.js';
import type { TransportResponse } from '../transport/create-transport.js';

/**
 * Builds the `MalformedResponseError` for a GET whose body is not what was expected:
 * the response's method, URL, status, headers and request id, and the message
 * `GET <url without query> <problem>` (`problem` says what was expected and received).
 */
export function malformedGetResponse(
  response: TransportResponse,
  problem: string,
): MalformedResponseError {
  return new MalformedResponseError({
    method: 'GET',
    url: response.url,
    status: response.status,
    headers: response.headers,
    requestId: response.requestId,
    message: `GET ${response.url.split('?')[0] ?? ''} ${problem}`,
  });
}
