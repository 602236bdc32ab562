import type { Router } from '../router.js';
import { UploadApiError } from './errors.js';
import { uploadRoute } from './upload-route.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Answers the methods an Upload API path does not serve with the Upload API's own 405
 * (`MethodNotAllowedError`), before the CDN's catch-all GET route can take them for a file path.
 */
export function refuseOtherMethods(router: Router, path: string, allowed: readonly string[]): void {
  for (const method of METHODS.filter((candidate) => !allowed.includes(candidate))) {
    router.add(
      method,
      path,
      uploadRoute(async ({ res }) => {
        res.setHeader('Allow', allowed.join(', '));
        throw new UploadApiError('MethodNotAllowedError', method, path);
      }),
    );
  }
}
