/**
 * The Node entry point: everything in the isomorphic entry, plus what needs Node (file-system sources). Imported as
 * `rxuploadcare/node` (typed in every TypeScript `moduleResolution`), or as `rxuploadcare` where the `node` export
 * condition applies (Node itself; TypeScript's nodenext and node16).
 * @packageDocumentation
 */
export * from './index.js';
export { fromPath } from './upload/node/from-path.js';
export { fromStream, type StreamDescription } from './upload/node/from-stream.js';
