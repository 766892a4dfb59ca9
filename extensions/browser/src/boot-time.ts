/** Imported first by the content script: when module evaluation began (for the startup figure). */
export const bootStart = performance.now();
