import { File } from '../../resources/file.js';
import type { CommandContext } from './command.js';

/**
 * Files for UUIDs or CDN URLs given on the command line. Every path is checked first, so a malformed one is a usage
 * error before any key is needed or any request is sent.
 */
export function filesFromPaths(
  paths: readonly string[],
  context: Pick<CommandContext, 'client'>,
  needs: { readonly secret: boolean } = { secret: true },
): File[] {
  for (const path of paths) new File(path);
  const client = context.client(needs);
  return paths.map((path) => new File(path, client));
}
