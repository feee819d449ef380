import { promises as fs } from 'node:fs';
import { de } from '@shared/i18n/de';
import { multiUser } from '@shared/session/multiUserTexts';
import { CURRENT_SCHEMA_VERSION, type RegisterDocument } from '@shared/register/register';
import { decodeRegister, MAX_REGISTER_BYTES, RegisterFileError } from './decode';
import { applyOps, JournalOpError } from './docDiff';
import { writeFileDurable } from './durableWrite';
import { describeIoError } from './ioErrors';
import { journalPathFor, readJournal, writeFreshJournal, type JournalEntry } from './journal';

/**
 * Reading a register = its snapshot plus the journal of changes after it (see journal.ts). Used by the
 * store at open and whenever another instance compacted or replaced the file, and by the CLI's readers.
 */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface LoadedFiles {
  doc: RegisterDocument;
  revision: number;
  migratedFrom: number | null;
  snapshot: FileStamp;
  journal: { ino: number; end: number; entries: number; base: number } | null;
  lastEntry: Pick<JournalEntry, 'by' | 'host' | 'at'> | null;
  /** German note for the user (damaged or foreign journal), else null. */
  note: string | null;
  /** A journal line came from a newer program: read what we can, write nothing. */
  newerWriter: boolean;
}

export async function statOf(file: string): Promise<FileStamp> {
  const s = await fs.stat(file);
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

export function sameFile(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The snapshot file: the document plus the revision it contains (older programs refuse the extra field). */
export function snapshotText(doc: RegisterDocument, revision: number): string {
  return JSON.stringify({ ...doc, revision });
}

async function readSnapshot(
  file: string,
  maxBytes: number,
  validate = true,
): Promise<{ doc: RegisterDocument; revision: number; migratedFrom: number | null; stamp: FileStamp }> {
  let text: string;
  let stamp: FileStamp;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const s = await handle.stat();
      if (s.isDirectory()) throw new RegisterFileError(de.store.notFound, 'io');
      if (s.size > maxBytes) throw new RegisterFileError(de.store.tooLarge(Math.ceil(s.size / 1024 / 1024)), 'tooLarge');
      stamp = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RegisterFileError(de.store.notFound, 'io');
    throw new RegisterFileError(describeIoError(error), 'io');
  }
  const decoded = decodeRegister(text, { validate });
  const { revision, ...doc } = decoded.doc as RegisterDocument & { revision?: number };
  return { doc: doc as RegisterDocument, revision: revision ?? 0, migratedFrom: decoded.migratedFrom, stamp };
}

/**
 * Snapshot + journal → the current document. `repair` (only under the write lock) cuts off a torn last
 * line and sets a damaged or foreign journal aside (kept as `….beiseite-<time>`), folding what could be
 * read into a new snapshot, so later appends are never hidden behind a bad line. `maxBytes`: the
 * largest snapshot read (the store's limit, smaller in tests).
 */
export async function loadRegisterFiles(
  file: string,
  mode: 'read' | 'repair',
  maxBytes = MAX_REGISTER_BYTES,
  upTo = Number.POSITIVE_INFINITY,
  validate = true,
): Promise<LoadedFiles> {
  const journalPath = journalPathFor(file);
  for (let attempt = 0; ; attempt++) {
    const snap = await readSnapshot(file, maxBytes, validate);
    const base: LoadedFiles = {
      doc: snap.doc,
      revision: snap.revision,
      migratedFrom: snap.migratedFrom,
      snapshot: snap.stamp,
      journal: null,
      lastEntry: null,
      note: null,
      newerWriter: false,
    };
    const journal = await readJournal(journalPath).catch((error: unknown) => {
      throw new RegisterFileError(describeIoError(error), 'io');
    });
    if (!journal) return base;
    const header = journal.header;
    if (header && header.registerId === snap.doc.registerId && header.base > snap.revision && attempt < 5) {
      // Raced a compaction: the snapshot we read is older than the journal. Read both again.
      continue;
    }
    if (!header || header.registerId !== snap.doc.registerId || header.base > snap.revision) {
      // Not this snapshot's journal (damaged header, another register, or the snapshot was replaced by an
      // older file, e.g. a restored backup): the snapshot alone is the register.
      const note = header ? multiUser.registerReplaced : multiUser.journalDamaged(1);
      if (mode === 'repair') await setAside(file, snap.doc, snap.revision);
      return { ...base, note, journal: mode === 'repair' ? await journalState(journalPath, snap.revision) : null };
    }
    let doc = snap.doc;
    let revision = snap.revision;
    let lastEntry: LoadedFiles['lastEntry'] = header.last ?? null;
    let note: string | null = null;
    let newerWriter = false;
    let broken = journal.damagedLine !== null;
    let line = 1;
    let previous = header.base;
    for (const entry of journal.entries) {
      line++;
      // Revisions in the journal only grow by one per line; a repeat means two writers raced (damage).
      if (entry.rev !== previous + 1) {
        broken = true;
        break;
      }
      previous = entry.rev;
      if (entry.rev <= revision) continue;
      // A reader that wants an earlier committed state (the export worker, revisionAt) stops there.
      if (entry.rev > upTo) break;
      if (entry.rev !== revision + 1) {
        broken = true;
        break;
      }
      if (entry.v > CURRENT_SCHEMA_VERSION) {
        newerWriter = true;
        break;
      }
      try {
        doc = applyOps(doc, entry.ops);
      } catch (error) {
        if (!(error instanceof JournalOpError)) throw error;
        if (error.newer) newerWriter = true;
        else broken = true;
        break;
      }
      revision = entry.rev;
      lastEntry = entry;
    }
    if (broken) note = multiUser.journalDamaged(journal.damagedLine ?? line);
    if (newerWriter) note = multiUser.journalNewer;
    if (mode === 'repair' && broken) {
      await setAside(file, doc, revision);
      return {
        doc,
        revision,
        migratedFrom: snap.migratedFrom,
        snapshot: await statOf(file),
        journal: await journalState(journalPath, revision),
        lastEntry,
        note,
        newerWriter,
      };
    }
    if (mode === 'repair' && journal.tornBytes > 0) await fs.truncate(journalPath, journal.end);
    return {
      doc,
      revision,
      migratedFrom: snap.migratedFrom,
      snapshot: snap.stamp,
      journal: { ino: journal.ino, end: journal.end, entries: journal.entries.length, base: header.base },
      lastEntry,
      note,
      newerWriter,
    };
  }
}

async function journalState(journalPath: string, base: number): Promise<LoadedFiles['journal']> {
  const j = await readJournal(journalPath);
  return j ? { ino: j.ino, end: j.end, entries: 0, base } : null;
}

/** Keeps the unusable journal beside the register and continues from a snapshot of what was readable. */
async function setAside(file: string, doc: RegisterDocument, revision: number): Promise<void> {
  const journalPath = journalPathFor(file);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await fs.rename(journalPath, `${journalPath}.beiseite-${stamp}`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await writeFileDurable(file, snapshotText(doc, revision));
  await writeFreshJournal(journalPath, { journal: 1, registerId: doc.registerId, base: revision, createdAt: new Date().toISOString() });
}

/** The file no longer holds the wanted revision (another instance compacted past it, or replaced the file). */
export class RevisionGoneError extends Error {
  constructor(
    readonly wanted: number,
    readonly found: number,
  ) {
    super(`register revision ${wanted} is no longer readable (found ${found})`);
    this.name = 'RevisionGoneError';
  }
}

/**
 * The register exactly as it was committed at `revision`: the snapshot plus the journal lines up to it,
 * read-only. The export worker reads the register itself this way instead of receiving a copy of the
 * document from main (copying 300,000 values costs main's event loop and the memory twice). Throws
 * RevisionGoneError when the files have moved past that revision (the caller then hands the document over).
 *
 * The snapshot is not schema-checked again: main holds this very revision, read and checked from the same
 * snapshot and journal lines (a snapshot is only ever rewritten with the same content for its revision,
 * journal lines are never changed), and the check would cost a second copy of a large register. Journal
 * lines are applied as everywhere (applyOps).
 */
export async function readRegisterAt(file: string, revision: number, maxBytes = MAX_REGISTER_BYTES): Promise<RegisterDocument> {
  const loaded = await loadRegisterFiles(file, 'read', maxBytes, revision, false);
  if (loaded.revision !== revision || loaded.newerWriter) throw new RevisionGoneError(revision, loaded.revision);
  return loaded.doc;
}
