import type { EmulatorContext } from '../../context.js';
import { notFound } from '../params.js';
import { restRoute } from '../rest-route.js';

const FEATURES = [
  { prefix: '/convert/', name: 'Document and video conversion' },
  { prefix: '/addons/', name: 'Add-ons' },
] as const;

/**
 * Conversions and add-ons: authenticated like any REST call, then a clear 404, never a fake success, so a client
 * under test learns at once that the emulator cannot stand in for them.
 */
export function registerUnsupportedRoutes(context: EmulatorContext): void {
  for (const { prefix, name } of FEATURES) {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      context.router.add(
        method,
        `${prefix}*rest`,
        restRoute(context, () => {
          throw notFound(`${name} (${prefix}...) is not supported by the emulator.`);
        }),
      );
    }
  }
}
