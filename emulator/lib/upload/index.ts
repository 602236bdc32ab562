import type { EmulatorContext } from '../context.js';
import { registerBaseRoute } from './base.js';
import { FromUrlTasks } from './from-url-tasks.js';
import { registerFromUrlRoutes } from './from-url.js';
import { registerGroupRoutes } from './group.js';
import { registerInfoRoute } from './info.js';
import { refuseOtherMethods } from './method-not-allowed.js';
import { MultipartSessions } from './multipart-sessions.js';
import { registerMultipartRoutes } from './multipart.js';

/** Upload API routes: base, multipart, from_url, info, group. */
export function registerUploadRoutes(context: EmulatorContext): void {
  registerBaseRoute(context);
  registerMultipartRoutes(context, new MultipartSessions(context.store.blobs));
  registerFromUrlRoutes(context, new FromUrlTasks());
  registerInfoRoute(context);
  registerGroupRoutes(context);
  const served: [string, string[]][] = [
    ['/base/', ['POST']],
    ['/multipart/start/', ['POST']],
    ['/multipart/complete/', ['POST']],
    ['/from_url/', ['POST']],
    ['/from_url/status/', ['GET', 'HEAD', 'POST']],
    ['/info/', ['GET', 'HEAD']],
    ['/group/', ['POST']],
    ['/group/info/', ['GET', 'HEAD']],
  ];
  for (const [path, methods] of served) refuseOtherMethods(context.router, path, methods);
}
