import { map, type Observable } from 'rxjs';
import type { Uploadcare } from '../client.js';
import { APIError } from '../errors.js';
import type { File } from '../resources/file.js';
import { isGroupId } from '../resources/group-id.js';
import { commonFields } from './options.js';
import type { UploadSignature } from './signature.js';
import type { GroupAnswer } from './upload-api.js';

/**
 * `POST group/` of `files` in order, each sent as its CDN path with its default effects, signed when `signature` is
 * given. Emits the new group's id; an answer without one is an APIError.
 */
export function requestGroup(files: readonly File[], signature: UploadSignature | null, client: Uploadcare): Observable<string> {
  const fields = Object.fromEntries(files.map((file, i) => [`files[${i}]`, file.cdnPath(file.defaultEffects)]));
  return client.upload<GroupAnswer | null>('POST', 'group/', { ...fields, ...commonFields(undefined, signature) }).pipe(
    map((answer) => {
      if (!isGroupId(answer?.id)) throw new APIError('The Upload API answered group/ without a valid group id.', { body: answer });
      return answer.id;
    }),
  );
}
