import type { EmulatorContext } from '../context.js';

/** Upload API routes: base, multipart, from_url, info, group. */
export function registerUploadRoutes(context: EmulatorContext): void {
  void context;
}
