/** This library's version, sent in the user agent. Kept in step with package.json by a spec. */
export const version = '0.1.0';
