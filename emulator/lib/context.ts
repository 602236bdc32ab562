import type { IncomingMessage } from 'node:http';
import type { AddonLabelSettings } from './addons/addon-labels.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Router } from './router.js';
import type { Store } from './state/store.js';
import type { UploadLimits } from './upload/limits.js';

/** What every group of routes is registered with. */
export interface EmulatorContext {
  readonly router: Router;
  readonly store: Store;
  /** The Upload API's size and count limits in force. */
  readonly limits: UploadLimits;
  /** Whether `from_url` may download from loopback addresses (the real service refuses them; see EmulatorOptions). */
  readonly allowLoopbackSources: boolean;
  /** Conversion and add-on jobs: their lifecycle, timing and injected outcomes. */
  readonly jobs: JobRunner;
  /** The labels the Rekognition add-ons answer. */
  readonly addonLabels: AddonLabelSettings;
  /**
   * The origin for absolute URLs in an answer to `req`: the one the client used (its `Host` header), else the
   * emulator's listening origin, e.g. `http://127.0.0.1:8000` (known once the server listens).
   */
  readonly origin: (req?: IncomingMessage) => string;
}
