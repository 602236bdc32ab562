import type { EmulatorContext } from '../../context.js';
import { projectJson } from '../project-json.js';
import { restRoute } from '../rest-route.js';

/** `GET /project/`: the project the request authenticated as. */
export function registerProjectRoutes(context: EmulatorContext): void {
  context.router.add(
    'GET',
    '/project/',
    restRoute(context, (call) => ({ status: 200, body: projectJson(call.project) })),
  );
}
