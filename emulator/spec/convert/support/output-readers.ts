import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One member of an archive as Python's zipfile reads it; `root` is its XML root element, when it parses as XML. */
export interface ZipPart {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly extraLength: number;
  readonly root: { readonly namespace: string | null; readonly name: string } | null;
  readonly text: string;
}

// Readers not written here: Python's zipfile (CRCs checked by testzip) and its expat-based XML parser.
const READER = `
import json, sys, zipfile, xml.dom.minidom
archive = zipfile.ZipFile(sys.argv[1])
bad = archive.testzip()
parts = []
for info in archive.infolist():
    data = archive.read(info)
    try:
        element = xml.dom.minidom.parseString(data).documentElement
        root = {"namespace": element.namespaceURI, "name": element.localName}
    except Exception:
        root = None
    parts.append({"name": info.filename, "method": info.compress_type, "extraLength": len(info.extra), "root": root, "text": data.decode("utf-8", "replace")})
print(json.dumps({"bad": bad, "parts": parts}))
`;

/** The members of the ZIP archive `bytes`, in archive order; throws when a member's CRC is wrong. */
export function zipParts(bytes: Uint8Array): ZipPart[] {
  const answer = JSON.parse(onDisk(bytes, (file) => execFileSync('python3', ['-c', READER, file], { encoding: 'utf8' }))) as { bad: string | null; parts: ZipPart[] };
  if (answer.bad !== null) throw new Error(`The CRC of ${answer.bad} is wrong.`);
  return answer.parts;
}

/** What `unzip -t` says of `bytes` (Info-ZIP's integrity test, a second reader). */
export function unzipTest(bytes: Uint8Array): string {
  return onDisk(bytes, (file) => execFileSync('unzip', ['-t', file], { encoding: 'utf8' }));
}

/** What `file` (libmagic) says `bytes` are. */
export function fileType(bytes: Uint8Array): string {
  return onDisk(bytes, (file) => execFileSync('file', ['-b', file], { encoding: 'utf8' }).trim());
}

/** `use` of `bytes` written to a temporary file, removed afterwards. */
function onDisk<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'conversion-output-'));
  try {
    const file = join(folder, 'output');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
