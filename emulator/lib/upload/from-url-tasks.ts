import { randomUUID } from 'node:crypto';
import type { UploadApiError } from './errors.js';

/** Where one `from_url` task stands; `total` is null while the source's size is unknown. */
export type FromUrlTaskState =
  | { readonly status: 'waiting' }
  | { readonly status: 'progress'; readonly done: number; readonly total: number | null }
  | { readonly status: 'success'; readonly uuid: string }
  | { readonly status: 'error'; readonly error: UploadApiError };

/** The emulator's `from_url` tasks by token, and the URLs remembered for `check_URL_duplicates`. */
export class FromUrlTasks {
  private readonly tasks = new Map<string, FromUrlTaskState>();
  private readonly knownUrls = new Map<string, string>();

  /** A new task, `waiting`; returns its token. */
  create(): string {
    const token = randomUUID();
    this.tasks.set(token, { status: 'waiting' });
    return token;
  }

  set(token: string, state: FromUrlTaskState): void {
    this.tasks.set(token, state);
  }

  get(token: string): FromUrlTaskState | undefined {
    return this.tasks.get(token);
  }

  /** Remembers that `url` gave file `uuid` in the project (`save_URL_duplicates`). */
  rememberUrl(projectKey: string, url: string, uuid: string): void {
    this.knownUrls.set(`${projectKey} ${url}`, uuid);
  }

  /** The file `url` gave earlier in the project, if it was remembered. */
  knownFile(projectKey: string, url: string): string | undefined {
    return this.knownUrls.get(`${projectKey} ${url}`);
  }
}
