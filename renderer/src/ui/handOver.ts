/**
 * A value one screen hands to the next one it opens, when the view state does not carry it (a filter to
 * start with, a pre-filled form, a message after a screen re-opened itself). The receiving screen reads it
 * while rendering (`peek`, so React's double render sees it too) and clears it once mounted.
 */
export interface HandOver<T> {
  set: (value: T) => void;
  peek: () => T | null;
  clear: () => void;
}

export function handOver<T>(): HandOver<T> {
  let value: T | null = null;
  return {
    set: (next) => {
      value = next;
    },
    peek: () => value,
    clear: () => {
      value = null;
    },
  };
}
