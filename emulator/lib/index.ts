/**
 * The local Uploadcare-compatible emulator (Node only): REST API v0.7, Upload API and CDN on one loopback origin,
 * with faults on demand and a control API for tests.
 * @packageDocumentation
 */
export { startEmulator, type RunningEmulator } from './server.js';
export { DEMO_PROJECT, EmulatorOptionError, resolveProjects, type EmulatorOptions } from './options.js';
// The command line, for the uploadcare-emulator bin and for rxuploadcare's `ucare emulator`.
export { CliUsageError, parseCli, USAGE, type CliCommand } from './cli-args.js';
export { banner, type BannerFacts } from './banner.js';
export { PortUnavailableError } from './listen.js';
export {
  FaultController,
  DEFAULT_RETRY_AFTER_SECONDS,
  type ActiveFaultRule,
  type FaultOutcome,
  type FaultPlan,
} from './faults/controller.js';
export {
  InvalidFaultRuleError,
  type DropFault,
  type ErrorFault,
  type FaultKind,
  type FaultRule,
  type FaultScope,
  type FaultSettings,
  type LatencyFault,
  type SlowBodyFault,
  type ThrottleFault,
} from './faults/rules.js';
export { RequestLog, DEFAULT_REQUEST_LOG_LIMIT, type LoggedRequest } from './control/request-log.js';
export { CONTROL_PREFIX } from './control/routes.js';
export { SnapshotFormatError } from './state/snapshot.js';
export type { ProjectConfig, FileRecord, GroupRecord, WebhookRecord } from './state/records.js';
