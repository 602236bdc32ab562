import { registerCdnRoutes } from './cdn/index.js';
import type { EmulatorContext } from './context.js';
import { registerDemoRoutes } from './demo/index.js';
import { registerRestRoutes } from './rest/index.js';
import { registerUploadRoutes } from './upload/index.js';

/** Registers every route the emulator serves. Each API lives in its own folder; their paths do not collide. */
export function registerRoutes(context: EmulatorContext): void {
  registerRestRoutes(context);
  registerUploadRoutes(context);
  // Before the CDN: its catch-all pattern would take `/demo/...`.
  registerDemoRoutes(context);
  // Last: CDN paths start with a UUID, which no API path does.
  registerCdnRoutes(context);
}
