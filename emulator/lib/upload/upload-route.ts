import type { RouteHandler, RouteRequest } from '../router.js';
import { HttpError, sendJson } from '../http-util.js';
import { BlobStoreFullError } from '../state/blob-store.js';
import { UploadApiError } from './errors.js';
import { FormFailure } from './form.js';
import { RequestParams } from './params.js';

/** An Upload API handler: gets the request and its fields (query first; it reads the body itself), returns the JSON answer. */
export type UploadHandler = (request: RouteRequest, params: RequestParams) => Promise<unknown>;

/**
 * Wraps an Upload API handler: answers its result as JSON, and its {@link UploadApiError}s as the real service
 * does: the JSON envelope when the request asked `jsonerrors=1` (query or form), plain text otherwise.
 */
export function uploadRoute(handler: UploadHandler): RouteHandler {
  return async (request) => {
    const params = new RequestParams(request.url.searchParams);
    try {
      const body = await handler(request, params);
      sendJson(request.res, 200, body);
    } catch (thrown) {
      const error = thrown instanceof FormFailure ? thrown.cause : thrown;
      if (error instanceof HttpError) throw error;
      const uploadError = error instanceof UploadApiError ? error : new UploadApiError(error instanceof BlobStoreFullError ? 'RequestSizeLimitExceededError' : 'UploadAPIError');
      throw uploadError.toHttpError(params.get('jsonerrors') === '1');
    }
  };
}
