/**
 * The Node entry point: everything in the isomorphic entry, plus what needs Node (file-system sources).
 * @packageDocumentation
 */
export * from './index.js';
