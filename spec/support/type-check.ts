import ts from 'typescript';

/** A TypeScript setting an app may use to resolve packages. */
export interface ResolutionMode {
  readonly name: string;
  readonly module: ts.ModuleKind;
  readonly moduleResolution: ts.ModuleResolutionKind;
}

/** The modes the package must type-check in: Node's two, the bundlers' (Angular CLI's default), and the legacy one. */
export const RESOLUTION_MODES: readonly ResolutionMode[] = [
  { name: 'nodenext', module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  { name: 'node16', module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  { name: 'bundler', module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  { name: 'node10', module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
];

function optionsFor(mode: ResolutionMode): ts.CompilerOptions {
  return {
    module: mode.module,
    moduleResolution: mode.moduleResolution,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    noEmit: true,
  };
}

/** Parsed files by name and language version: the libraries (DOM, @types/node, rxjs) are parsed once for all modes. */
const parsed = new Map<string, ts.SourceFile | undefined>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const key = `${name}\0${typeof version === 'object' ? `${version.languageVersion}/${version.impliedNodeFormat}` : version}`;
    if (!parsed.has(key)) parsed.set(key, read(name, version, ...rest));
    return parsed.get(key);
  };
  return host;
}

/**
 * Type-checks files as an app with this mode would (strict), the declarations of the package `checked` included
 * (other libraries' are not checked, as with skipLibCheck), and returns the diagnostics as text, one per line; ''
 * when there are none.
 */
export function typeErrors(files: readonly string[], mode: ResolutionMode, checked = 'rxuploadcare'): string {
  const options = optionsFor(mode);
  const program = ts.createProgram(files, options, cachingHost(options));
  const ours = (file: ts.SourceFile): boolean => !file.fileName.includes('/node_modules/') || file.fileName.includes(`/node_modules/${checked}/`);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSourceFiles().filter(ours).flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => '', getNewLine: () => '\n' });
}
