import { relative, resolve } from 'node:path';

interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
}
interface Cycle {
  readonly files: number;
  readonly path: readonly string[];
}
interface CycleScript {
  moduleGraph(dir?: string): Map<string, Edge[]>;
  findCycles(graph: Map<string, Edge[]>, options: { includeTypes: boolean }): Cycle[];
}

const root = resolve(__dirname, '../..');

// Any import cycle fails these specs, naming its path, type-only ones included. The emulator's package (emulator/lib)
// is held to the same rule.

/** Which way imports may point: a module under `from` must import nothing under any of `not` (paths from lib/). */
const DIRECTIONS: readonly { readonly from: string; readonly not: readonly string[] }[] = [
  { from: 'transport/', not: ['core/', 'resources/', 'upload/', 'cli/', 'client.ts', 'conf.ts'] },
  { from: 'core/', not: ['resources/', 'upload/', 'cli/', 'client.ts', 'conf.ts'] },
  { from: 'options/', not: ['core/', 'resources/', 'upload/', 'cli/', 'client.ts', 'conf.ts'] },
  // The transformation builder is a leaf: it writes URL paths, and knows no client, transport or resource.
  { from: 'cdn/', not: ['transport/', 'core/', 'resources/', 'upload/', 'cli/', 'client.ts', 'conf.ts'] },
];

describe('lib/ module graph', () => {
  let script: CycleScript;
  let graph: Map<string, Edge[]>;

  beforeAll(async () => {
    const location = '../../scripts/import-cycles.mjs';
    script = (await import(location)) as CycleScript;
    graph = script.moduleGraph(resolve(root, 'lib'));
  });

  const paths = (cycles: readonly Cycle[]) => cycles.map((cycle) => cycle.path.join(' -> '));

  it('has no import cycle at run time (each one named as a path)', () => {
    expect(paths(script.findCycles(graph, { includeTypes: false }))).withContext('run-time import cycles').toEqual([]);
  });

  it('has no import cycle counting type-only imports', () => {
    expect(paths(script.findCycles(graph, { includeTypes: true }))).withContext('import cycles counting types').toEqual([]);
  });

  it('the emulator package has no import cycle, type-only ones included', () => {
    const emulator = script.moduleGraph(resolve(root, 'emulator/lib'));
    expect(emulator.size).toBeGreaterThan(50);
    expect(paths(script.findCycles(emulator, { includeTypes: true }))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = resolve(root, 'lib/a.ts');
    const b = resolve(root, 'lib/b.ts');
    const made = new Map<string, Edge[]>([
      [a, [{ to: b, typeOnly: false }]],
      [b, [{ to: a, typeOnly: true }]],
    ]);
    expect(paths(script.findCycles(made, { includeTypes: false }))).toEqual([]);
    expect(paths(script.findCycles(made, { includeTypes: true }))).toEqual(['lib/a.ts -> lib/b.ts -> lib/a.ts']);
  });

  it('imports point one way: transport, options, core and cdn import no layer above them; only the CLI imports the CLI', () => {
    const lib = resolve(root, 'lib');
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      const from = relative(lib, file);
      for (const { to } of edges) {
        const target = relative(lib, to);
        for (const rule of DIRECTIONS) {
          if (from.startsWith(rule.from) && rule.not.some((above) => target.startsWith(above))) wrong.push(`${from} -> ${target}`);
        }
        if (target.startsWith('cli/') && !from.startsWith('cli/')) wrong.push(`${from} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
