import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Finds the places where a file of the repository refers to a path outside it (a sibling folder, the parent of a
 * clone): a clone has nothing beside it, so such a reference works on one machine and fails on every other.
 */

/** The folders checked; everything under them that is text. */
export const CHECKED_FOLDERS = ['lib', 'spec', 'bench', 'scripts', 'docs', 'emulator'] as const;
/** Outputs and installs inside those folders, never sources. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage']);
const TEXT_FILE = /\.(?:[cm]?[jt]s|json|md|ya?ml|html|css|sh|txt)$/;

/** A relative path starting a token: one or more `.` or `..` segments, then names (not inside a URL, a template or a longer path). */
const RELATIVE_PATH = /(?<![\w.$}/\\-])(?:\.\.?\/[\w.@~+/-]*|\.\.(?![\w./]))/g;
/**
 * A line of code that uses a relative path as a path: an import, a require, a path or file-system call, a URL built
 * on a base. A relative path elsewhere (a test input like `'../x'`, a comment) names nothing on disk.
 */
const PATH_USE = /\b(?:from|import|require|resolve|join|readFileSync|readFile|existsSync|statSync|readdirSync|createReadStream|createWriteStream|URL|cwd|chdir)\b/;
/** A Markdown link target: the only place a document refers to a path. */
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;
/** An absolute POSIX path with at least two segments. */
const ABSOLUTE_PATH = /(?<![\w.:/\\-])\/[\w.@~+-]+(?:\/[\w.@~+-]*)+/g;

/** One reference to a path outside the repository. */
export interface OutsideReference {
  /** The file, relative to the repository's root. */
  readonly file: string;
  readonly line: number;
  /** The path as written. */
  readonly path: string;
  /** Where it leads, relative to the repository's root (starts with `..`). */
  readonly leadsTo: string;
}

/** A string that looks like a path going out but is data, not a reference (an attack input, say). */
export interface AllowedText {
  readonly file: string;
  readonly path: string;
  /** Why it is not a reference to the file system. */
  readonly why: string;
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** Does the path exist, reading an import's `.js` as the `.ts` source it names? */
function exists(path: string): boolean {
  return [path, path.replace(/\.js$/, '.ts'), path.replace(/\.mjs$/, '.mts'), path.replace(/\.cjs$/, '.cts')].some((candidate) => existsSync(candidate));
}

/**
 * Does resolving `path` from `base` explain it as a reference inside the repository? It must stay inside, and the
 * first name after its climbs (`..`, `.`) must exist where they lead: `../../.ci/artifacts/x.png` names `.ci`, which
 * is there even before the artifact is written, while a climb that lands on a folder without the named entry is not
 * a reference from that base.
 */
function explainedFrom(root: string, base: string, path: string): boolean {
  const segments = path.split('/').filter((segment) => segment !== '');
  const climbs = segments.findIndex((segment) => segment !== '..' && segment !== '.');
  const anchor = resolve(base, ...(climbs === -1 ? segments : segments.slice(0, climbs)));
  if (!inside(root, anchor)) return false;
  return climbs === -1 || exists(join(anchor, segments[climbs] as string));
}

/**
 * Where a relative path written in `file` leads when it goes outside `root`, else undefined. The base it is
 * resolved from is not known from the text (an import's is the file's folder; a `resolve(process.cwd(), ...)`'s is
 * the root, where the scripts run), so both are tried: the path refers outside when neither base explains it and
 * one of them leads outside the repository.
 */
function outsideTarget(root: string, file: string, path: string): string | undefined {
  const bases = [dirname(file), root];
  if (bases.some((base) => explainedFrom(root, base, path))) return undefined;
  return bases.map((base) => resolve(base, path)).find((target) => !inside(root, target));
}

/** The outside references in one file's text. */
export function outsideReferencesIn(root: string, file: string, text: string): OutsideReference[] {
  const parent = dirname(root);
  const found: OutsideReference[] = [];
  text.split('\n').forEach((lineText, index) => {
    const report = (path: string, target: string): void => {
      found.push({ file: relative(root, file), line: index + 1, path, leadsTo: relative(root, target) });
    };
    const candidates = file.endsWith('.md')
      ? [...lineText.matchAll(MARKDOWN_LINK)].flatMap(([, target]) => [...(target as string).matchAll(RELATIVE_PATH)])
      : PATH_USE.test(lineText)
        ? [...lineText.matchAll(RELATIVE_PATH)]
        : [];
    for (const [written] of candidates) {
      const path = written.replace(/[.,:]+$/, '') || written;
      const target = outsideTarget(root, file, path);
      if (target !== undefined) report(path, target);
    }
    // Absolute paths into the folder that holds the clone (its siblings): system paths (/usr/bin, /tmp) are the
    // machine's, not the checkout's, and stay allowed.
    for (const [path] of lineText.matchAll(ABSOLUTE_PATH)) {
      if (inside(parent, path) && !inside(root, path)) report(path, path);
    }
  });
  return found;
}

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : textFiles(path);
    return entry.isFile() && TEXT_FILE.test(entry.name) ? [path] : [];
  });
}

/** Every outside reference in the checked folders of the repository at `root`, less the allowed texts. */
export function outsideReferences(root: string, allowed: readonly AllowedText[] = []): OutsideReference[] {
  return CHECKED_FOLDERS.flatMap((folder) => textFiles(join(root, folder)))
    .flatMap((file) => outsideReferencesIn(root, file, readFileSync(file, 'utf8')))
    .filter((reference) => !allowed.some((allow) => allow.file === reference.file && allow.path === reference.path));
}
