import { localDay } from '@shared/core/calendar';
import { parseDateEntry } from '@shared/core/dateEntry';

/** What the form parsers read from a date field: any accepted entry (1.6.27, heute, +14 …), relative to the clerk's today. */
export const readDateEntry = (text: string): string | null => parseDateEntry(text, localDay());
