import type { EmulatorContext } from '../context.js';
import type { BlobRef } from '../state/blob-store.js';
import { UploadApiError } from './errors.js';
import { FormFailure, readForm } from './form.js';
import { uploadMetadata } from './metadata.js';
import { uploadTags } from './tags.js';
import { addUploadedFile } from './new-file.js';
import { checkNamedProject, checkUploadSignature, PUBLIC_KEY_FIELDS, requireProject } from './project-auth.js';
import { uploadRoute } from './upload-route.js';

interface ReceivedFile {
  readonly field: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly blob: BlobRef;
}

/** `POST /base/`: a multipart form whose file fields stream into the blob store; answers `{ "<field>": "<uuid>" }`. */
export function registerBaseRoute({ router, store, limits }: EmulatorContext): void {
  router.add(
    'POST',
    '/base/',
    uploadRoute(async ({ req }, params) => {
      let received: ReceivedFile[] = [];
      // The key is checked as soon as it is known (query, or a field ahead of the files): a wrong one reads no file.
      const checkKey = (): void => void checkNamedProject(store, params, 'UPLOADCARE_PUB_KEY');
      try {
        checkKey();
        const form = await readForm<ReceivedFile>(req, params, limits, {
          onField: (name) => {
            if (PUBLIC_KEY_FIELDS.includes(name)) checkKey();
          },
          onFile: async ({ field, filename, contentType, stream }) => {
            const blob = await store.blobs.write(stream);
            return { field, filename, contentType, blob };
          },
        });
        received = form.files;
        const project = requireProject(store, params, 'UPLOADCARE_PUB_KEY');
        checkUploadSignature(project, params);
        const metadata = uploadMetadata(params);
        const tags = uploadTags(params);
        if (received.length === 0) throw new UploadApiError('FilesRequiredError');
        const answer: Record<string, string> = {};
        // Files leave `received` (the cleanup list) as soon as a record owns their blob.
        while (received.length > 0) {
          const file = received[0]!;
          const record = await addUploadedFile(store, {
            project,
            blob: file.blob,
            filename: file.filename || file.field,
            contentType: file.contentType,
            store: params.get('UPLOADCARE_STORE'),
            metadata,
            tags,
            source: null,
          });
          answer[file.field] = record.uuid;
          received.shift();
        }
        return answer;
      } catch (error) {
        const orphans = error instanceof FormFailure ? (error.files as ReceivedFile[]) : received;
        await Promise.all(orphans.map((file) => store.blobs.delete(file.blob.id)));
        throw error;
      }
    }),
  );
}
