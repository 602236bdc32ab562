import type { EmulatorContext } from '../../context.js';
import { jsonBody } from '../body.js';
import { checkMetadataCount, checkMetadataKey, checkMetadataValue } from '../metadata-rules.js';
import { notFound } from '../params.js';
import { restRoute } from '../rest-route.js';
import { projectFile } from './files.js';

/** `/files/{uuid}/metadata/` and `/files/{uuid}/metadata/{key}/`. */
export function registerMetadataRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  router.add(
    'GET',
    '/files/:uuid/metadata/',
    restRoute(context, (call) => ({ status: 200, body: { ...projectFile(context, call).metadata } })),
  );

  router.add(
    'GET',
    '/files/:uuid/metadata/:key/',
    restRoute(context, (call) => {
      const file = projectFile(context, call);
      const value = file.metadata[checkMetadataKey(call.params['key'] ?? '')];
      if (value === undefined) throw notFound();
      return { status: 200, body: value };
    }),
  );

  router.add(
    'PUT',
    '/files/:uuid/metadata/:key/',
    restRoute(context, (call) => {
      const file = projectFile(context, call);
      const key = checkMetadataKey(call.params['key'] ?? '');
      const value = checkMetadataValue(jsonBody(call));
      const metadata = { ...file.metadata, [key]: value };
      checkMetadataCount(metadata);
      store.updateFile(file.uuid, { metadata });
      // 200 for a new key as for a changed one: the real service's answer (its recordings), not the OpenAPI's 201.
      return { status: 200, body: value };
    }),
  );

  router.add(
    'DELETE',
    '/files/:uuid/metadata/:key/',
    restRoute(context, (call) => {
      const file = projectFile(context, call);
      const key = checkMetadataKey(call.params['key'] ?? '');
      if (!Object.hasOwn(file.metadata, key)) throw notFound();
      const metadata = Object.fromEntries(Object.entries(file.metadata).filter(([name]) => name !== key));
      store.updateFile(file.uuid, { metadata });
      return { status: 204 };
    }),
  );
}
