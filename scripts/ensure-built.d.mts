/** Types for ensure-built.mjs (used by the unit tests' global setup). */
export function isBuilt(root?: string): boolean;
export function ensureBuilt(root?: string): boolean;
