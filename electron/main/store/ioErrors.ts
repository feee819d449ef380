import { de } from '@shared/i18n/de';

/** Turns a Node file-system error into a German sentence a clerk can act on. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return de.store.diskFull;
    case 'EACCES':
    case 'EPERM':
      return de.store.noPermission;
    case 'EROFS':
      return de.store.readOnlyFs;
    case 'EBUSY':
    case 'ETXTBSY':
      return de.store.busy;
    case 'ENOENT':
      return de.store.notFound;
    default:
      return de.store.unknownIo(code ?? (error instanceof Error ? error.message : String(error)));
  }
}
