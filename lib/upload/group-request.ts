import { map, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { APIError } from '../errors.js';
import { isGroupId } from '../resources/group-id.js';
import { commonFields } from './options.js';
import type { UploadSignature } from './signature.js';
import type { GroupAnswer } from './upload-api.js';

/**
 * `POST group/` of files in order, each given as its CDN path (`<uuid>/`, or with effects `<uuid>/-/<effects>`), signed
 * when `signature` is given. Emits the new group's id; an answer without one is an APIError.
 */
export function requestGroup(cdnPaths: readonly string[], signature: UploadSignature | null, client: UploadcareClient): Observable<string> {
  const fields = Object.fromEntries(cdnPaths.map((path, i) => [`files[${i}]`, path]));
  return client.upload<GroupAnswer | null>('POST', 'group/', { ...fields, ...commonFields({}, signature) }).pipe(
    map((answer) => {
      if (!isGroupId(answer?.id)) throw new APIError('The Upload API answered group/ without a valid group id.', { body: answer });
      return answer.id;
    }),
  );
}
