import type { EmulatorContext } from '../context.js';
import { notFound } from '../rest/params.js';
import { restRoute } from '../rest/rest-route.js';
import type { FileRecord } from '../state/records.js';
import { registerConversionRoutes } from './conversion-routes.js';
import { checkDocumentOperations, PathProblem } from './conversion-path.js';
import { conversionTargets, documentFormat } from './formats.js';
import { writeDocumentOutput } from './outputs.js';

/**
 * Document conversion (https://uploadcare.com/docs/transformations/document-conversion/): `POST /convert/document/`,
 * its status, and `GET /convert/document/{uuid}/` (the formats a file converts to, and its converted groups).
 * `save_in_group` of an image target makes a group of the pages (one page: documents are not read here).
 */
export function registerDocumentConversion(context: EmulatorContext): void {
  const { store, router } = context;
  // The groups made by `save_in_group`, per source file and format, for the info endpoint (memory only).
  const convertedGroups = new Map<string, Record<string, string>>();

  registerConversionRoutes(context, {
    kind: 'document',
    plan: (path, source, target, body) => {
      const { format } = checkDocumentOperations(path);
      const from = sourceFormat(source);
      if (!conversionTargets(from).includes(format)) throw new PathProblem(`Conversion from ${from} to ${format} is not supported.`);
      const inGroup = isTrue(body['save_in_group']) && ['jpg', 'enhanced.jpg', 'png'].includes(format);
      return {
        extra: {},
        work: async () => {
          const output = await writeDocumentOutput(target, source, format);
          if (!inGroup) return;
          const group = store.addGroup({ id: `${store.newUuid()}~1`, projectKey: source.projectKey, files: [{ uuid: output.uuid, effects: '' }], datetimeCreated: new Date(), datetimeStored: null });
          convertedGroups.set(source.uuid, { ...convertedGroups.get(source.uuid), [format]: group.id });
        },
      };
    },
  });

  router.add(
    'GET',
    '/convert/document/:uuid/',
    restRoute(context, (call) => {
      const file = store.file(call.project.publicKey, (call.params['uuid'] ?? '').toLowerCase());
      if (!file || file.datetimeRemoved) throw notFound();
      const format = sourceFormat(file);
      const targets = conversionTargets(format);
      return {
        status: 200,
        body: {
          error: targets.length === 0 ? `Conversion of ${format} files is not supported.` : null,
          format: { name: format, conversion_formats: targets.map((name) => ({ name })) },
          converted_groups: { ...convertedGroups.get(file.uuid) },
        },
      };
    }),
  );
}

/** A document's format; an image reads as its own format (converted to jpg/png by keeping its bytes). */
function sourceFormat(file: FileRecord): string {
  if (file.imageInfo) return file.imageInfo.format.toLowerCase() === 'jpeg' ? 'jpg' : file.imageInfo.format.toLowerCase();
  return documentFormat(file) ?? (/\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? 'unknown');
}

function isTrue(value: unknown): boolean {
  return value === true || value === '1' || value === 'true' || value === 1;
}
