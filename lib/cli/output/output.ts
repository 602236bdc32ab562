import { escapeControls, jsonLine } from './control-characters.js';
import type { TextSink } from './io.js';
import { ProgressBar } from './progress-bar.js';

/** How results are printed: for people (default) or one JSON document per line (`--json`). */
export type OutputMode = 'human' | 'json';

/**
 * The CLI's printer. Results go to stdout, messages and progress bars to stderr; a visible bar is wiped before any
 * other line is printed and drawn again after it, so the two never mix on a terminal. Everything printed goes through
 * here and has its control characters escaped (see {@link escapeControls}, {@link jsonLine}): a file name from the
 * server can never move the cursor, set the title, clear the screen or write the clipboard of the terminal.
 */
export class Output {
  private bar: ProgressBar | undefined;

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    readonly mode: OutputMode,
    private readonly progressEnabled: boolean,
  ) {}

  /** One result: `human` text (lines) by default, `data` as one JSON line with `--json`. */
  result(human: string, data: unknown): void {
    this.around(() => this.stdout.write(this.mode === 'json' ? `${jsonLine(data)}\n` : `${escapeControls(human, true)}\n`));
  }

  /** A message for people (skipped files, hints) on stderr, in both modes. */
  note(text: string): void {
    this.around(() => this.stderr.write(`${escapeControls(text, true)}\n`));
  }

  /** An error line: `ERROR: <message>`. */
  error(message: string): void {
    this.around(() => this.stderr.write(`ERROR: ${escapeControls(message)}\n`));
  }

  /** Starts a progress bar on stderr (drawn only on a terminal); the previous bar, if any, is finished first. */
  progress(label: string): ProgressBar {
    this.bar?.finish();
    const sink: TextSink = this.progressEnabled ? this.stderr : { write: () => undefined, isTTY: false };
    this.bar = new ProgressBar(sink, label);
    return this.bar;
  }

  private around(write: () => void): void {
    this.bar?.clear();
    write();
    this.bar?.redraw();
  }
}
