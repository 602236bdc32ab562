/**
 * rxuploadcare: the reactive Uploadcare client. Every operation is a cold RxJS Observable.
 * @packageDocumentation
 */
export { version } from './version.js';
