/** The two clients the browser benchmark compares, in one page. */
export type BrowserSide = 'rxuploadcare' | 'official';
/** A 100 MiB Blob upload with a progress bar, and a listing of every file. */
export type BrowserTask = 'upload' | 'list';

/** What the page is told: where the emulator is and the size of the work. */
export interface PageSettings {
  readonly base: string;
  readonly publicKey: string;
  readonly secretKey: string;
  readonly uploadBytes: number;
  readonly pageSize: number;
}

/** One task timed in the page. */
export interface TaskResult {
  readonly ms: number;
  /** Progress ticks drawn (upload) or files listed (list). */
  readonly items: number;
  /** Main-thread tasks over 50 ms while it ran, and the longest of them (0 when none). */
  readonly longTasks: number;
  readonly longestTaskMs: number;
}
