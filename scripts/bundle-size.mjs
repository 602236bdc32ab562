// Measures what two browser tasks cost in an app's bundle (minified, then gzipped), for rxuploadcare and for the official
// clients doing the same, and writes docs/bundle-size.md from the measurement.
//
//   node scripts/bundle-size.mjs           measure and write docs/bundle-size.md
//   node scripts/bundle-size.mjs --check   measure and fail when docs/bundle-size.md is out of date
//
// Each scenario is a small app module bundled by esbuild as an app build would (ES modules, browser conditions,
// tree-shaking, minification, code splitting); the gzip -9 size of what it loads at start is what the browser downloads.
import { build, version as esbuildVersion } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = resolve(root, 'docs/bundle-size.md');
/** A figure in the doc may drift this much from a new measurement before --check fails (other people's edits). */
export const TOLERANCE = 0.1;

const UPLOAD_OFFICIAL = {
      name: '@uploadcare/upload-client',
      code: `
      import { uploadFile } from '@uploadcare/upload-client';
      export function run(blob, show) {
        const controller = new AbortController();
        uploadFile(blob, { publicKey: 'YOUR_PUBLIC_KEY', signal: controller.signal, onProgress: (p) => show(p.isComputable ? p.value : 0) })
          .then((file) => show(1, file.uuid));
        return controller;
      }`,
    };

const LIST_OFFICIAL = {
      name: '@uploadcare/rest-client',
      code: `
      import { listOfFiles, paginate, UploadcareAuthSchema } from '@uploadcare/rest-client';
      export async function run(signatureResolver, show) {
        const authSchema = new UploadcareAuthSchema({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        for await (const page of paginate(listOfFiles)({ limit: 100 }, { authSchema })) for (const file of page.results) show(file.uuid);
      }`,
    };

/**
 * What an app does, written once for each client. `run` is exported so that nothing is shaken away. The targets are
 * measured on the core functions (docs/architecture.md, "Modular imports"); the seed classes' forms are reported.
 */
const SCENARIOS = [
  {
    id: 'upload',
    title: 'Upload a Blob with progress',
    target: { withRxjs: 35, rxjsShared: 28 },
    rxuploadcare: `
      import { UploadcareClient, uploadFileToUuid } from './lib/index.ts';
      export function run(blob, show) {
        const client = new UploadcareClient({ publicKey: 'YOUR_PUBLIC_KEY' });
        return uploadFileToUuid(blob, {}, client).subscribe((event) =>
          event.type === 'progress' ? show(event.done / (event.total ?? 1)) : show(1, event.file));
      }`,
    official: UPLOAD_OFFICIAL,
  },
  {
    id: 'list',
    title: 'List files (REST, signed through a backend resolver)',
    target: { withRxjs: 35, rxjsShared: 28 },
    rxuploadcare: `
      import { listFiles, UploadcareClient } from './lib/index.ts';
      export function run(signatureResolver, show) {
        const client = new UploadcareClient({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        return listFiles({ requestLimit: 100 }, client).subscribe((file) => show(file.uuid));
      }`,
    official: LIST_OFFICIAL,
  },
  {
    id: 'both',
    title: 'Upload a Blob, then list files',
    rxuploadcare: `
      import { listFiles, UploadcareClient, uploadFileToUuid } from './lib/index.ts';
      export function run(blob, signatureResolver, show) {
        const client = new UploadcareClient({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        uploadFileToUuid(blob, {}, client).subscribe((event) => event.type === 'complete' && show(event.file));
        return listFiles({ requestLimit: 100 }, client).subscribe((file) => show(file.uuid));
      }`,
    official: {
      name: '@uploadcare/upload-client + @uploadcare/rest-client',
      code: `
      import { uploadFile } from '@uploadcare/upload-client';
      import { listOfFiles, paginate, UploadcareAuthSchema } from '@uploadcare/rest-client';
      export async function run(blob, signatureResolver, show) {
        uploadFile(blob, { publicKey: 'YOUR_PUBLIC_KEY' }).then((file) => show(file.uuid));
        const authSchema = new UploadcareAuthSchema({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        for await (const page of paginate(listOfFiles)({ limit: 100 }, { authSchema })) for (const file of page.results) show(file.uuid);
      }`,
    },
  },
  {
    id: 'upload-seed',
    title: 'Upload a Blob with progress, seed classes (uploadFile emits a File)',
    rxuploadcare: `
      import { Uploadcare, uploadFile } from './lib/index.ts';
      export function run(blob, show) {
        const client = new Uploadcare({ publicKey: 'YOUR_PUBLIC_KEY' });
        return uploadFile(blob, {}, client).subscribe((event) =>
          event.type === 'progress' ? show(event.done / (event.total ?? 1)) : show(1, event.file.uuid));
      }`,
    official: UPLOAD_OFFICIAL,
  },
  {
    id: 'list-seed',
    title: 'List files, seed classes (FileList emits File objects)',
    rxuploadcare: `
      import { FileList, Uploadcare } from './lib/index.ts';
      export function run(signatureResolver, show) {
        const client = new Uploadcare({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        return new FileList({ limit: 100 }, client).subscribe((file) => show(file.uuid));
      }`,
    official: LIST_OFFICIAL,
  },
];

/**
 * Bundles one app module as an app build does, code splitting included: what the page downloads at start is the entry
 * chunk and the chunks it imports statically; a dynamic import's chunk is fetched only when that code runs (the
 * library loads js-md5 that way, for a REST body signed in a browser). Returns the sizes of what is downloaded at start
 * (minified, gzipped), the minified bytes per package, and the minified size of each chunk loaded on demand.
 */
async function measure(code, { external = [] } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: resolve(root, 'build/bundle-size'),
    platform: 'browser',
    target: 'es2020',
    external,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const atStart = new Set();
  const visit = (name) => {
    if (atStart.has(name)) return;
    atStart.add(name);
    for (const { path, kind } of outputs[name].imports) if (kind === 'import-statement' && outputs[path]) visit(path);
  };
  visit(Object.keys(outputs).find((name) => outputs[name].entryPoint));
  // esbuild emits a chunk for every dynamic import it parsed, even in code tree-shaking dropped: only those the code
  // downloaded at start can import are on demand.
  const reachable = new Set([...atStart].flatMap((name) => outputs[name].imports.filter(({ kind }) => kind === 'dynamic-import').map(({ path }) => path)));
  const contentsOf = (name) => result.outputFiles.find((file) => file.path === resolve(root, name)).contents;
  const byPackage = {};
  const libModules = new Set();
  const onDemand = {};
  let min = 0;
  let gzip = 0;
  for (const [name, output] of Object.entries(outputs)) {
    const bytes = contentsOf(name);
    if (!atStart.has(name)) {
      if (!reachable.has(name)) continue;
      const packages = [...new Set(Object.keys(output.inputs).map(packageOf))].join(' + ');
      onDemand[packages] = (onDemand[packages] ?? 0) + bytes.length;
      continue;
    }
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const packageName = packageOf(input);
      byPackage[packageName] = (byPackage[packageName] ?? 0) + bytesInOutput;
      if (packageName === 'rxuploadcare' && bytesInOutput > 0) libModules.add(input);
    }
  }
  return { min, gzip, byPackage, libModules, onDemand };
}

function packageOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1];
  return input.startsWith('lib/') ? 'rxuploadcare' : 'app';
}

function versionOf(name) {
  return JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Every figure of the doc, measured now. */
export async function measureAll() {
  const everything = await measure(`export * from './lib/index.ts';`);
  const rows = [];
  for (const scenario of SCENARIOS) {
    rows.push({
      scenario,
      withRxjs: await measure(scenario.rxuploadcare),
      rxjsShared: await measure(scenario.rxuploadcare, { external: ['rxjs', 'rxjs/*'] }),
      official: await measure(scenario.official.code),
    });
  }
  return { rows, libModuleCount: everything.libModules.size };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function breakdown(byPackage) {
  return Object.entries(byPackage)
    .filter(([name, bytes]) => name !== 'app' && bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

function onDemand(chunks) {
  const entries = Object.entries(chunks);
  if (entries.length === 0) return '';
  return ` Loaded on demand, not counted above: ${entries.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')} (a REST body signed in the browser).`;
}

/** The whole of docs/bundle-size.md. */
export function renderDoc({ rows, libModuleCount }) {
  const versions = {
    rxuploadcare: JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version,
    rxjs: versionOf('rxjs'),
    axios: versionOf('axios'),
    upload: versionOf('@uploadcare/upload-client'),
    rest: versionOf('@uploadcare/rest-client'),
  };
  const table = rows
    .map(
      ({ scenario, withRxjs, rxjsShared, official }) =>
        `| ${scenario.title} | **${kb(withRxjs.gzip)}** (${kb(withRxjs.min)}) | **${kb(rxjsShared.gzip)}** (${kb(rxjsShared.min)}) | ` +
        `**${kb(official.gzip)}** (${kb(official.min)}) \`${scenario.official.name}\` |`,
    )
    .join('\n');
  const details = rows
    .map(
      ({ scenario, withRxjs, official }) => `### ${scenario.title}

rxuploadcare, minified bytes by package: ${breakdown(withRxjs.byPackage)}.${onDemand(withRxjs.onDemand)}
\`${scenario.official.name}\`: ${breakdown(official.byPackage)}.

\`\`\`js
// rxuploadcare${scenario.rxuploadcare.replace(/\n {6}/g, '\n')}
\`\`\`

\`\`\`js
// ${scenario.official.name}${scenario.official.code.replace(/\n {6}/g, '\n')}
\`\`\``,
    )
    .join('\n\n');
  return `# Bundle size

What a browser app pays to do one thing with rxuploadcare, next to the official clients doing the same. Each figure is
**minified + gzipped** (gzip -9), with the minified size in parentheses, of a small app module bundled by esbuild
${esbuildVersion} the way an app build does (ES modules, browser conditions, tree-shaking, minification, code splitting):
what the page downloads at start. A chunk the library loads only when needed is listed apart under its scenario.

This file is written by \`node scripts/bundle-size.mjs\`; do not edit the figures by hand. The spec
\`spec/demo/bundle-size.node.spec.ts\` runs \`node scripts/bundle-size.mjs --check\` and fails when a figure here is more
than ${TOLERANCE * 100}% away from a new measurement (run the script again after changes that move them).

| Scenario | rxuploadcare ${versions.rxuploadcare}, RxJS included | rxuploadcare, RxJS already in the app | Official client |
| --- | --- | --- | --- |
${table}

${targets(rows)}

Versions measured: rxjs ${versions.rxjs}, axios ${versions.axios}, @uploadcare/upload-client ${versions.upload},
@uploadcare/rest-client ${versions.rest}.

## Reading the numbers

${readings(rows, libModuleCount)}

## What each scenario bundles

${details}
`;
}

/** Issue 14's targets (min+gzip), each against its measured figure. */
function targets(rows) {
  const lines = rows
    .filter(({ scenario }) => scenario.target)
    .map(({ scenario, withRxjs, rxjsShared }) => {
      const against = (bytes, limit) => `${kb(bytes)} against ≤ ${limit} KB (${bytes / 1024 <= limit ? 'met' : 'not met'})`;
      return `- ${scenario.title}: RxJS already in the app ${against(rxjsShared.gzip, scenario.target.rxjsShared)}; RxJS included ${against(withRxjs.gzip, scenario.target.withRxjs)}.`;
    });
  return `Targets (issue 14, min+gzip):\n\n${lines.join('\n')}`;
}

/** What the figures say, from the figures themselves. */
function readings(rows, libModuleCount) {
  const share = (row, name) => Math.round((100 * (row.withRxjs.byPackage[name] ?? 0)) / row.withRxjs.min);
  const [first, ...others] = rows;
  const sameModules = others.every(
    (row) => row.withRxjs.libModules.size === first.withRxjs.libModules.size && [...row.withRxjs.libModules].every((m) => first.withRxjs.libModules.has(m)),
  );
  return [
    `- rxuploadcare's HTTP goes through axios; a browser build takes only axios's XHR adapter (the adapter a full axios ` +
      `picks in a browser; lib/transport/axios-instance.browser.ts), since the transport does the rest itself: ` +
      `${rows.map((row) => `${share(row, 'axios')}%`).join(' and ')} of the minified bytes. RxJS is ` +
      `${rows.map((row) => `${share(row, 'rxjs')}%`).join(' and ')}; an Angular or other RxJS app already ships it, so the middle column is what such an app adds.`,
    sameModules
      ? `- Both tasks bundle the same ${first.withRxjs.libModules.size} of the ${libModuleCount} modules the library's browser entry brings: \`uploadFile\` emits \`File\` objects, ` +
        `and \`File\` carries both the REST operations and its static upload methods, so tree-shaking cannot separate an upload from a listing.`
      : `- Tree-shaking keeps ${rows.map((row) => `${row.withRxjs.libModules.size} (${row.scenario.id})`).join(' and ')} of the ${libModuleCount} modules the library's browser entry brings.`,
    `- The official upload client calls \`fetch\`/XHR directly and returns Promises; the official REST client is a separate package.`,
  ].join('\n');
}

/** Each target a scenario misses, said in words. */
function missedTargets(rows) {
  return rows
    .filter(({ scenario }) => scenario.target)
    .flatMap(({ scenario, withRxjs, rxjsShared }) => [
      ...(rxjsShared.gzip / 1024 > scenario.target.rxjsShared ? [`${scenario.title}, RxJS in the app: ${kb(rxjsShared.gzip)} > ${scenario.target.rxjsShared} KB`] : []),
      ...(withRxjs.gzip / 1024 > scenario.target.withRxjs ? [`${scenario.title}, RxJS included: ${kb(withRxjs.gzip)} > ${scenario.target.withRxjs} KB`] : []),
    ]);
}

/** The gzip figures of a doc, in table order, for --check. */
function figuresOf(doc) {
  return [...doc.matchAll(/\*\*([\d.]+) KB\*\* \(([\d.]+) KB\)/g)].flatMap((match) => [Number(match[1]), Number(match[2])]);
}

async function main() {
  const measurement = await measureAll();
  const { rows } = measurement;
  const fresh = renderDoc(measurement);
  if (!process.argv.includes('--check')) {
    writeFileSync(DOC, fresh);
    console.log(`Wrote ${DOC}`);
    return;
  }
  const written = figuresOf(readFileSync(DOC, 'utf8'));
  const measured = figuresOf(fresh);
  const off = measured
    .map((value, i) => ({ value, written: written[i] }))
    .filter(({ value, written: old }) => old === undefined || Math.abs(value - old) > value * TOLERANCE);
  if (written.length !== measured.length || off.length > 0) {
    console.error(`docs/bundle-size.md is out of date (written ${written.join(', ')}; measured ${measured.join(', ')}). Run node scripts/bundle-size.mjs.`);
    process.exit(1);
  }
  const unmet = missedTargets(rows);
  if (unmet.length > 0) {
    console.error(`Bundle targets not met: ${unmet.join('; ')}.`);
    process.exit(1);
  }
  console.log(`docs/bundle-size.md holds: ${measured.join(', ')} KB (within ${TOLERANCE * 100}%); every target met.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
