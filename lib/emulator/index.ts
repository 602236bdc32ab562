/**
 * The local Uploadcare-compatible emulator (Node only): REST API v0.7, Upload API and CDN on one loopback origin.
 * @packageDocumentation
 */
export { startEmulator, type RunningEmulator } from './server.js';
export { DEMO_PROJECT, type EmulatorOptions } from './options.js';
export type { ProjectConfig, FileRecord, GroupRecord } from './state/records.js';
