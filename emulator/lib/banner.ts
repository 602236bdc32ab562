import { version } from './version.js';
import type { ActiveFaultRule } from './faults/controller.js';
import { DEMO_PROJECT } from './options.js';
import type { ProjectConfig } from './state/records.js';

/** What the start banner describes. */
export interface BannerFacts {
  readonly url: string;
  readonly projects: readonly ProjectConfig[];
  readonly dataDir: string | undefined;
  readonly fileCount: number;
  readonly faults: readonly ActiveFaultRule[];
  /** Set when the asked port was taken and another one was used. */
  readonly askedPort?: number;
}

/**
 * The text `npm start` prints: the bases, the keys, and first commands to try. Only the demo project's secret (which
 * is public) is shown; other secrets are masked.
 */
export function banner(facts: BannerFacts): string {
  const base = `${facts.url}/`;
  const first = facts.projects[0] ?? DEMO_PROJECT;
  const isDemo = first.publicKey === DEMO_PROJECT.publicKey && first.secretKey === DEMO_PROJECT.secretKey;
  const secret = isDemo ? first.secretKey : '$UPLOADCARE_SECRET_KEY';
  const lines = [
    `Uploadcare emulator (rxuploadcare-emulator ${version}) listening on ${facts.url}`,
    ...(facts.askedPort === undefined ? [] : [`  (port ${facts.askedPort} was taken)`]),
    `  Demo page    ${base} (open it in a browser)`,
    `  REST API     ${base}`,
    `  Upload API   ${base}`,
    `  CDN          ${base}`,
    `  Control API  ${base}__emulator/`,
    ...facts.projects.map(
      (project) =>
        `  Project      public key ${project.publicKey}, secret key ${project === first && isDemo ? project.secretKey : '(as given)'}` +
        (project.requireSignedUploads ? ', signed uploads required' : ''),
    ),
    `  State        ${facts.dataDir === undefined ? 'in memory' : `on disk in ${facts.dataDir}`} (${facts.fileCount} files)`,
    ...facts.faults.map((rule) => `  Fault        ${describeFault(rule)}`),
    '',
    'Try:',
    `  curl -H 'Accept: application/vnd.uploadcare-v0.7+json' \\`,
    `       -H "Authorization: Uploadcare.Simple ${first.publicKey}:${secret}" ${base}project/`,
    `  curl -F UPLOADCARE_PUB_KEY=${first.publicKey} -F UPLOADCARE_STORE=1 -F file=@package.json ${base}base/`,
    '',
    'Press Ctrl-C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}

function describeFault(rule: ActiveFaultRule): string {
  const { id, seen, applied, kind, ...fields } = rule;
  void seen;
  void applied;
  return `${id} ${kind} ${JSON.stringify(fields)}`;
}
