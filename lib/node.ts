/**
 * The Node entry point: everything in the isomorphic entry, plus what needs Node (file-system sources).
 * @packageDocumentation
 */
export * from './index.js';
export { fromPath } from './upload/node/from-path.js';
export { fromStream, type StreamDescription } from './upload/node/from-stream.js';
