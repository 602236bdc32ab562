import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './bundle.js';

/** Versions of what was compared: rxuploadcare (this tree) and the official clients installed. */
export interface Versions {
  readonly rxuploadcare: string;
  readonly uploadClient: string;
  readonly restClient: string;
}

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, packageJson), 'utf8')) as { version: string }).version;
}

/** Reads the versions from the package files. */
export function readVersions(): Versions {
  return {
    rxuploadcare: versionOf('package.json'),
    uploadClient: versionOf('node_modules/@uploadcare/upload-client/package.json'),
    restClient: versionOf('node_modules/@uploadcare/rest-client/package.json'),
  };
}
