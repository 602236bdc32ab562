import type { EmulatorContext } from '../context.js';

/** CDN routes: `/{uuid}/[-/effects/][filename]` and `/{group}/nth/{i}/`. */
export function registerCdnRoutes(context: EmulatorContext): void {
  void context;
}
