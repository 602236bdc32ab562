import type { EmulatorContext } from '../context.js';
import { UploadApiError } from './errors.js';
import { uploadFileInfoJson } from './file-info.js';
import { requireProject } from './project-auth.js';
import { uploadRoute } from './upload-route.js';
import { isUuid } from './uuid.js';

/** `GET /info/?pub_key&file_id`: a file of the project, removed files excepted. */
export function registerInfoRoute({ router, store }: EmulatorContext): void {
  const info = uploadRoute(async (_request, params) => {
    const project = requireProject(store, params, 'pub_key');
    const fileId = params.get('file_id');
    if (!fileId) throw new UploadApiError('FileIdRequiredError');
    if (!isUuid(fileId)) throw new UploadApiError('FileIdInvalidError');
    const file = store.file(project.publicKey, fileId.toLowerCase());
    if (!file || file.datetimeRemoved) throw new UploadApiError('FileNotFoundError');
    return uploadFileInfoJson(file);
  });
  router.add('GET', '/info/', info);
  router.add('HEAD', '/info/', info);
}
