#!/usr/bin/env node
// Finds import cycles among lib/'s modules. A static import or re-export of a value is a run-time edge; one whose
// every binding is a type (`import type`, `export type`, `{ type X }`) is a type-only edge; dynamic `import()` is not an
// edge (it runs after the module graph has loaded). Prints each cycle as a path; exits 1 when a run-time cycle exists,
// and with --types also when a type-only one does.
//   node scripts/import-cycles.mjs [--types] [--json]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Whether an import or export declaration carries only types. */
function isTypeOnly(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // `import './x.js'` runs x
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return false;
    return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
  }
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The module graph of `dir`: file -> [{ to, typeOnly }] for relative imports that resolve to files of the graph. */
export function moduleGraph(dir = join(root, 'lib')) {
  const files = sourceFiles(dir);
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const edges = [];
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
      const specifier = node.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.text).replace(/\.js$/, '.ts');
      if (known.has(target)) edges.push({ to: target, typeOnly: isTypeOnly(node) });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself), each as one cycle path. */
export function findCycles(graph, { includeTypes }) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const successors = (file) => graph.get(file).filter((edge) => includeTypes || !edge.typeOnly).map((edge) => edge.to);
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const to of successors(file)) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file), index.get(to)));
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || successors(file).includes(file)) components.push(component);
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return components.map((component) => cyclePath(component, successors));
}

/** One closed path through a component, found breadth-first from its first file (sorted): a -> b -> ... -> a. */
function cyclePath(component, successors) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const to of successors(file)) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = file; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return { files: component.length, path: [...path, start].map((file) => relative(root, file)) };
      }
      if (!previous.has(to)) {
        previous.set(to, file);
        queue.push(to);
      }
    }
  }
  return { files: component.length, path: [relative(root, start)] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const includeTypes = process.argv.includes('--types');
  const graph = moduleGraph();
  const runtime = findCycles(graph, { includeTypes: false });
  const withTypes = findCycles(graph, { includeTypes: true });
  if (process.argv.includes('--json')) console.log(JSON.stringify({ runtime, withTypes }, null, 1));
  else {
    for (const cycle of runtime) console.log(`run-time cycle (${cycle.files} files): ${cycle.path.join(' -> ')}`);
    for (const cycle of withTypes) console.log(`cycle counting type-only imports (${cycle.files} files): ${cycle.path.join(' -> ')}`);
    if (runtime.length + withTypes.length === 0) console.log(`no import cycles among ${graph.size} modules`);
  }
  process.exit(runtime.length > 0 || (includeTypes && withTypes.length > 0) ? 1 : 0);
}
