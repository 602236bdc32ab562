import type { Router } from './router.js';
import type { Store } from './state/store.js';

/** What every group of routes is registered with. */
export interface EmulatorContext {
  readonly router: Router;
  readonly store: Store;
  /** The emulator's own origin, e.g. `http://127.0.0.1:8000`; known once the server listens. */
  readonly origin: () => string;
}
