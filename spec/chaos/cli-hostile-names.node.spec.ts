import fc from 'fast-check';
import { relative, resolve, sep } from 'node:path';
import { jsonLine } from '../../lib/cli/output/control-characters.js';
import { fileDetails, fileLine } from '../../lib/cli/output/format-file.js';
import type { TextSink } from '../../lib/cli/output/io.js';
import { Output } from '../../lib/cli/output/output.js';
import { renderProgressLine } from '../../lib/cli/output/progress-bar.js';
import { expandPattern } from '../../lib/cli/sync/pattern.js';
import type { FileInfo } from '../../lib/resources/file-info.js';
import { chaosScale } from './support/scale.js';

// Issue 13 items 7 and 13, as classes: whatever name a server gives a file, (1) nothing the CLI prints holds a raw
// control character (a terminal would act on it), and (2) sync either places the file inside the target folder under
// a name without controls, or refuses it.

const UUID = '6c5e9526-b0fe-4739-8975-72e8d5ee6342';
/** What a terminal acts on: C0 but line feed, DEL, C1, bidirectional embeddings, overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/; // eslint-disable-line no-control-regex
const RUNS = { numRuns: chaosScale().propertyRuns * 10, seed: 1313 };

/** Names built to drive a terminal or leave a folder, and arbitrary Unicode. */
function hostileName(): fc.Arbitrary<string> {
  const pieces = fc.constantFrom('\x1b]0;title\x07', '\x1b[2J', '\x1b]52;c;cHduZWQ=\x07', '\x9b31m', '\u202e', '\u2066', '\r', '\n', '\u0000', '../', '/', '\\', '..', 'CON', 'a', '.txt', ' ', 'é');
  return fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')));
}

function capture(): TextSink & { text: string } {
  const sink = { text: '', isTTY: true, write: (chunk: string) => void (sink.text += chunk) };
  return sink;
}

function infoNamed(name: string): FileInfo {
  return {
    uuid: UUID,
    original_filename: name,
    size: 1,
    mime_type: name,
    is_image: false,
    is_ready: true,
    datetime_uploaded: '2024-05-01T10:11:17.299000Z',
    datetime_stored: null,
    datetime_removed: null,
    metadata: { [name]: name },
  } as unknown as FileInfo;
}

describe('ucare output and sync, whatever the server names a file', () => {
  it('prints no raw control character, in human or JSON mode, on stdout or stderr', () => {
    fc.assert(
      fc.property(hostileName(), (name) => {
        const stdout = capture();
        const stderr = capture();
        const human = new Output(stdout, stderr, 'human', true);
        human.progress(name).update(1, 2);
        human.result(fileLine(infoNamed(name)), null);
        human.result(fileDetails(infoNamed(name), name), null);
        human.note(`skipped ${name}`);
        human.error(name);
        new Output(stdout, stderr, 'json', false).result('', infoNamed(name));
        // The progress bar's own \r and ESC[K are the only controls on stderr; the name's are escaped.
        const stderrText = stderr.text.split('\r\x1b[K').join('');
        return !RAW_CONTROL.test(stdout.text) && !RAW_CONTROL.test(stderrText);
      }),
      RUNS,
    );
  });

  it('never lets a name forge a line of its own in the human listing', () => {
    fc.assert(
      fc.property(hostileName(), (name) => fileLine(infoNamed(name)).split('\n').length === 1),
      RUNS,
    );
  });

  it('writes JSON lines that parse back to the very same value', () => {
    fc.assert(
      fc.property(hostileName(), (name) => {
        const line = jsonLine({ name });
        return !RAW_CONTROL.test(line) && !line.includes('\n') && (JSON.parse(line) as { name: string }).name === name;
      }),
      RUNS,
    );
  });

  it('keeps a progress line within its width and free of the label\'s controls', () => {
    fc.assert(
      fc.property(hostileName(), fc.integer({ min: 21, max: 200 }), (label, width) => {
        const line = renderProgressLine({ label, done: 5, total: 10 }, 1000, width);
        return !RAW_CONTROL.test(line) && line.length < width;
      }),
      RUNS,
    );
  });

  it('syncs a file inside the target folder under a name without controls, or refuses it', () => {
    const root = resolve('target');
    fc.assert(
      fc.property(hostileName(), fc.constantFrom('${filename}', '${uuid}/${filename}', 'x${ext}', '${uuid}_${filename}'), (filename, template) => {
        const expanded = expandPattern({ root: 'target', template }, { uuid: UUID, filename, effects: '' });
        if (!expanded.ok) return true;
        const inside = relative(root, expanded.path);
        return expanded.path.startsWith(root + sep) && !inside.split(sep).includes('..') && !RAW_CONTROL.test(inside) && !inside.includes('\n');
      }),
      RUNS,
    );
  });
});
