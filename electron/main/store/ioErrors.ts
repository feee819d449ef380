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
    case 'EAGAIN':
      return de.store.busy;
    case 'ENOENT':
      return de.store.notFound;
    case 'EFBIG':
      return de.store.fileTooBigForDisk;
    case 'EISDIR':
      return de.store.isFolder;
    case 'ENOTDIR':
      return de.store.notAFolder;
    case 'EMFILE':
    case 'ENFILE':
      return de.store.tooManyOpenFiles;
    case 'ENAMETOOLONG':
      return de.store.nameTooLong;
    case 'EIO':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ESTALE':
      return de.store.deviceUnreachable;
    case 'ELOOP':
      return de.store.linkLoop;
    default:
      return de.store.unknownIo(code ?? 'ohne Code');
  }
}
