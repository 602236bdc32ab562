// Measures what two browser tasks cost in an app's bundle (minified, then gzipped), for rxuploadcare and for the official
// clients doing the same, and writes docs/bundle-size.md from the measurement.
//
//   node scripts/bundle-size.mjs           measure and write docs/bundle-size.md
//   node scripts/bundle-size.mjs --check   measure and fail when docs/bundle-size.md is out of date
//
// Each scenario is a small app module bundled by esbuild as an app build would (ES modules, browser conditions,
// tree-shaking, minification); its gzip -9 size is what the browser downloads.
import { build, version as esbuildVersion } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = resolve(root, 'docs/bundle-size.md');
/** A figure in the doc may drift this much from a new measurement before --check fails (other people's edits). */
export const TOLERANCE = 0.1;

/** What an app does, written once for each client. `run` is exported so that nothing is shaken away. */
const SCENARIOS = [
  {
    id: 'upload',
    title: 'Upload a Blob with progress',
    target: { withRxjs: 35, rxjsShared: 28 },
    rxuploadcare: `
      import { Uploadcare, uploadFile } from './lib/index.ts';
      export function run(blob, show) {
        const client = new Uploadcare({ publicKey: 'YOUR_PUBLIC_KEY' });
        return uploadFile(blob, {}, client).subscribe((event) =>
          event.type === 'progress' ? show(event.done / (event.total ?? 1)) : show(1, event.file.uuid));
      }`,
    official: {
      name: '@uploadcare/upload-client',
      code: `
      import { uploadFile } from '@uploadcare/upload-client';
      export function run(blob, show) {
        const controller = new AbortController();
        uploadFile(blob, { publicKey: 'YOUR_PUBLIC_KEY', signal: controller.signal, onProgress: (p) => show(p.isComputable ? p.value : 0) })
          .then((file) => show(1, file.uuid));
        return controller;
      }`,
    },
  },
  {
    id: 'upload-core',
    title: 'Upload a Blob with progress, core functions',
    target: { withRxjs: 35, rxjsShared: 28 },
    rxuploadcare: `
      import { UploadcareClient, uploadFileToUuid } from './lib/index.ts';
      export function run(blob, show) {
        const client = new UploadcareClient({ publicKey: 'YOUR_PUBLIC_KEY' });
        return uploadFileToUuid(blob, {}, client).subscribe((event) =>
          event.type === 'progress' ? show(event.done / (event.total ?? 1)) : show(1, event.file));
      }`,
    official: {
      name: '@uploadcare/upload-client',
      code: `
      import { uploadFile } from '@uploadcare/upload-client';
      export function run(blob, show) {
        const controller = new AbortController();
        uploadFile(blob, { publicKey: 'YOUR_PUBLIC_KEY', signal: controller.signal, onProgress: (p) => show(p.isComputable ? p.value : 0) })
          .then((file) => show(1, file.uuid));
        return controller;
      }`,
    },
  },
  {
    id: 'list',
    title: 'List files (REST, signed through a backend resolver)',
    target: { withRxjs: 35, rxjsShared: 28 },
    rxuploadcare: `
      import { FileList, Uploadcare } from './lib/index.ts';
      export function run(signatureResolver, show) {
        const client = new Uploadcare({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        return new FileList({ limit: 100 }, client).subscribe((file) => show(file.uuid));
      }`,
    official: {
      name: '@uploadcare/rest-client',
      code: `
      import { listOfFiles, paginate, UploadcareAuthSchema } from '@uploadcare/rest-client';
      export async function run(signatureResolver, show) {
        const authSchema = new UploadcareAuthSchema({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        for await (const page of paginate(listOfFiles)({ limit: 100 }, { authSchema })) for (const file of page.results) show(file.uuid);
      }`,
    },
  },
  {
    id: 'both',
    title: 'Upload a Blob, then list files',
    rxuploadcare: `
      import { FileList, Uploadcare, uploadFile } from './lib/index.ts';
      export function run(blob, signatureResolver, show) {
        const client = new Uploadcare({ publicKey: 'YOUR_PUBLIC_KEY', signatureResolver });
        uploadFile(blob, {}, client).subscribe((event) => event.type === 'complete' && show(event.file.uuid));
        return new FileList({ limit: 100 }, client).subscribe((file) => show(file.uuid));
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
];

/** Bundles one app module; returns its minified and gzipped sizes and the minified bytes per package. */
async function measure(code, { external = [] } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const bytes = result.outputFiles[0].contents;
  const byPackage = {};
  const libModules = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
      if (name === 'rxuploadcare' && bytesInOutput > 0) libModules.add(input);
    }
  }
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, byPackage, libModules };
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

rxuploadcare, minified bytes by package: ${breakdown(withRxjs.byPackage)}.
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
${esbuildVersion} the way an app build does (ES modules, browser conditions, tree-shaking, minification).

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
    `- rxuploadcare's HTTP goes through axios (one set of retry, timeout and abort rules in Node and browsers): ` +
      `${rows.map((row) => `${share(row, 'axios')}%`).join(' and ')} of the minified bytes. RxJS is ` +
      `${rows.map((row) => `${share(row, 'rxjs')}%`).join(' and ')}; an Angular or other RxJS app already ships it, so the middle column is what such an app adds.`,
    sameModules
      ? `- Both tasks bundle the same ${first.withRxjs.libModules.size} of the ${libModuleCount} modules the library's browser entry brings: \`uploadFile\` emits \`File\` objects, ` +
        `and \`File\` carries both the REST operations and its static upload methods, so tree-shaking cannot separate an upload from a listing.`
      : `- Tree-shaking keeps ${rows.map((row) => `${row.withRxjs.libModules.size} (${row.scenario.id})`).join(' and ')} of the ${libModuleCount} modules the library's browser entry brings.`,
    `- The official upload client calls \`fetch\`/XHR directly and returns Promises; the official REST client is a separate package.`,
  ].join('\n');
}

/** The gzip figures of a doc, in table order, for --check. */
function figuresOf(doc) {
  return [...doc.matchAll(/\*\*([\d.]+) KB\*\* \(([\d.]+) KB\)/g)].flatMap((match) => [Number(match[1]), Number(match[2])]);
}

async function main() {
  const fresh = renderDoc(await measureAll());
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
  console.log(`docs/bundle-size.md holds: ${measured.join(', ')} KB (within ${TOLERANCE * 100}%).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
