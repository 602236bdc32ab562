import type { EmulatorContext } from '../../context.js';
import { notSupported } from '../../not-supported.js';
import { restRoute } from '../rest-route.js';

const FEATURES = [
  { pattern: '/addons/*rest', name: 'Add-ons (/addons/...)' },
] as const;

/**
 * Add-ons: authenticated like any REST call, then a 501 naming the feature, never a fake success, so a client under test learns at once that the emulator cannot
 * stand in for them.
 */
export function registerUnsupportedRoutes(context: EmulatorContext): void {
  for (const { pattern, name } of FEATURES) {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      context.router.add(
        method,
        pattern,
        restRoute(context, () => {
          throw notSupported(name);
        }),
      );
    }
  }
}
