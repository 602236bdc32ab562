import { registerAddonRoutes } from '../addons/addon-routes.js';
import type { EmulatorContext } from '../context.js';
import { registerDocumentConversion } from '../convert/document-conversion.js';
import { registerVideoConversion } from '../convert/video-conversion.js';
import { WebhookDispatcher } from '../webhooks/index.js';
import { FileIndex } from './listing/file-index.js';
import { registerCopyRoutes } from './routes/copy.js';
import { registerFileRoutes } from './routes/files.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerMetadataRoutes } from './routes/metadata.js';
import { registerProjectRoutes } from './routes/project.js';
import { registerStorageRoutes } from './routes/storage.js';
import { registerTagRoutes } from './routes/tags.js';
import { registerWebhookRoutes } from './routes/webhooks.js';

/** REST API v0.7 routes: files, groups, project, webhooks, metadata, tags, conversions, add-ons; and webhook delivery. */
export function registerRestRoutes(context: EmulatorContext): void {
  // Batch and copy paths before `/files/:uuid/`-style patterns, which would take `storage` for a UUID.
  registerStorageRoutes(context);
  registerCopyRoutes(context);
  registerFileRoutes(context, new FileIndex(context.store));
  registerMetadataRoutes(context);
  registerTagRoutes(context);
  registerGroupRoutes(context);
  registerProjectRoutes(context);
  registerWebhookRoutes(context);
  registerDocumentConversion(context);
  registerVideoConversion(context);
  registerAddonRoutes(context);
  new WebhookDispatcher(context.store, context.origin);
}
