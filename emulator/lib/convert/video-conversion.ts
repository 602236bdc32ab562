import type { EmulatorContext } from '../context.js';
import { registerConversionRoutes } from './conversion-routes.js';
import { checkVideoOperations, PathProblem } from './conversion-path.js';
import { writeThumbnail, writeVideoOutput } from './outputs.js';

/**
 * Video encoding (https://uploadcare.com/docs/transformations/video-encoding/): `POST /convert/video/` and its status.
 * Each job promises the output's UUID and a thumbnails group `<uuid>~<thumbs>` at once, as the service does; the
 * output is a placeholder container of the target format and the thumbnails placeholder JPEGs.
 */
export function registerVideoConversion(context: EmulatorContext): void {
  const { store } = context;
  registerConversionRoutes(context, {
    kind: 'video',
    plan: (path, source, target) => {
      const { format, thumbs } = checkVideoOperations(path);
      if (!source.mimeType.startsWith('video/')) throw new PathProblem(`File "${source.uuid}" is not a video.`);
      const groupId = `${store.newUuid()}~${thumbs}`;
      return {
        extra: { thumbnails_group_uuid: groupId },
        work: async () => {
          await writeVideoOutput(target, source, format);
          const thumbnails = [];
          for (let i = 0; i < thumbs; i++) thumbnails.push(await writeThumbnail({ ...target, uuid: store.newUuid() }, source, i));
          store.addGroup({ id: groupId, projectKey: source.projectKey, files: thumbnails.map((file) => ({ uuid: file.uuid, effects: '' })), datetimeCreated: new Date(), datetimeStored: null });
        },
      };
    },
  });
}
