import type { EmulatorContext } from '../context.js';

/** REST API v0.7 routes: files, groups, project, webhooks, metadata. */
export function registerRestRoutes(context: EmulatorContext): void {
  void context;
}
