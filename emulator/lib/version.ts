/** This package's version, shown in the start banner. Kept in step with emulator/package.json by a spec. */
export const version = '0.1.0';
