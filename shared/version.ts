/** Kept equal to package.json's version by a unit test; bundles need no JSON import. */
export const APP_VERSION = '0.1.0';
