import { escapeControls } from './control-characters.js';
import { formatBytes, formatRate } from './format.js';
import type { TextSink } from './io.js';

/** What a progress line shows. */
export interface ProgressState {
  readonly label: string;
  readonly done: number;
  /** Null when the total is not known yet. */
  readonly total: number | null;
}

/** Renders one progress line: label, bar, percent, bytes and rate; fits `width` columns. */
export function renderProgressLine(state: ProgressState, elapsedMs: number, width: number): string {
  const { done, total } = state;
  const ratio = total && total > 0 ? Math.min(1, done / total) : total === 0 ? 1 : null;
  const amount = total === null ? formatBytes(done) : `${formatBytes(done)} / ${formatBytes(total)}`;
  const percent = ratio === null ? '' : `${String(Math.floor(ratio * 100)).padStart(3)}%  `;
  const tail = `  ${percent}${amount}  ${formatRate(done, elapsedMs)}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 24));
  const bar = ratio === null ? unknownBar(done, barWidth) : knownBar(ratio, barWidth);
  const labelWidth = Math.max(8, width - tail.length - bar.length - 2);
  // The label is a file name or a URL: printed on the terminal, it must not be able to drive it.
  const shown = escapeControls(state.label);
  const label = shown.length > labelWidth ? `…${shown.slice(-(labelWidth - 1))}` : shown;
  return `${label} ${bar}${tail}`.slice(0, Math.max(1, width - 1));
}

function knownBar(ratio: number, width: number): string {
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** A bouncing marker: something moves even when the total is unknown. */
function unknownBar(done: number, width: number): string {
  const position = Math.floor(done / 65536) % width;
  return `[${' '.repeat(position)}<=>${' '.repeat(Math.max(0, width - position - 3))}]`.slice(0, width + 2);
}

/** Starts a timer; returns its cancel function. */
export type TimerStarter = (callback: () => void, ms: number) => () => void;

/**
 * Redraw policy: at most one redraw per `minIntervalMs`. An update that comes too soon is drawn when the interval
 * ends (a trailing redraw), so a transfer that stalls still shows where it stalled; the last state always draws.
 */
export interface ProgressBarOptions {
  readonly minIntervalMs?: number;
  readonly now?: () => number;
  readonly startTimer?: TimerStarter;
}

const unrefTimer: TimerStarter = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  // A pending redraw never keeps the process alive.
  (timer as { unref?: () => void }).unref?.();
  return () => clearTimeout(timer);
};

/**
 * One progress line on a terminal, redrawn in place with `\r`. Call {@link update} as often as you like: redraws are
 * throttled. {@link finish} draws the final state and ends the line. Writes nothing at all when the sink is not a TTY.
 */
export class ProgressBar {
  private state: ProgressState;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private finished = false;
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly startTimer: TimerStarter;
  private cancelTrailing: (() => void) | undefined;

  constructor(
    private readonly sink: TextSink,
    label: string,
    options: ProgressBarOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.startTimer = options.startTimer ?? unrefTimer;
    this.started = this.now();
    this.state = { label, done: 0, total: null };
  }

  /** True when this bar draws anything (the sink is a terminal). */
  get visible(): boolean {
    return this.sink.isTTY === true;
  }

  update(done: number, total: number | null, label = this.state.label): void {
    if (this.finished) return;
    this.state = { label, done, total };
    const wait = this.lastDraw + this.minIntervalMs - this.now();
    if (wait <= 0) this.draw();
    else if (!this.cancelTrailing && this.visible) {
      this.cancelTrailing = this.startTimer(() => {
        this.cancelTrailing = undefined;
        if (!this.finished) this.draw();
      }, wait);
    }
  }

  /** Wipes the line so other output can be printed; the next {@link redraw} puts it back. */
  clear(): void {
    if (this.visible && !this.finished && this.lastDraw > Number.NEGATIVE_INFINITY) this.sink.write('\r\x1b[K');
  }

  redraw(): void {
    if (!this.finished && this.lastDraw > Number.NEGATIVE_INFINITY) this.draw();
  }

  /** Draws the last state and moves to the next line. With `keep` false, the line is wiped instead. */
  finish(keep = true): void {
    if (this.finished) return;
    this.cancelTrailing?.();
    this.cancelTrailing = undefined;
    if (this.visible) {
      if (keep) {
        this.draw();
        this.sink.write('\n');
      } else {
        this.clear();
      }
    }
    this.finished = true;
  }

  private draw(): void {
    this.cancelTrailing?.();
    this.cancelTrailing = undefined;
    this.lastDraw = this.now();
    if (!this.visible) return;
    const width = this.sink.columns && this.sink.columns > 20 ? this.sink.columns : 80;
    this.sink.write(`\r\x1b[K${renderProgressLine(this.state, this.lastDraw - this.started, width)}`);
  }
}
