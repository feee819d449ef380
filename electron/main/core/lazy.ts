/**
 * A value made on first use and kept: the Word and Excel builders (docx, exceljs, xlsx: ≈ 0.5–1 s to load)
 * are imported only when a first export needs them, or earlier in idle time (export/warmUp.ts), so the
 * start does not wait for them. A failed load is tried again next time.
 */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () =>
    (made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    }));
}
