import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import { checkRegisterIntegrity } from '@shared/register/rules';
import type { RegisterDocument } from '@shared/register/register';
import { decodeRegister, RegisterFileError } from '@main/store/decode';
import { loadRegisterFiles } from '@main/store/registerFiles';
import { describeIoError } from '@main/store/ioErrors';
import { CliFailure, writeLines, type CliEnv, type CliIo } from './command';
import { cli } from '@shared/i18n/cli';

export interface LoadedRegister {
  path: string;
  doc: RegisterDocument;
  /** Older file format that was lifted in memory only; the file on disk is unchanged. */
  migratedFrom: number | null;
}

export function resolveStore(env: CliEnv, file: string): string {
  return path.resolve(env.cwd, file);
}

/**
 * Reads and validates a register without ever writing: the app's size limit, decoder and German error
 * texts, but no migration written, no file created, no lock taken. Problems are RegisterFileErrors.
 * (Not RegisterStore.open: that goes through lowdb and may write, and the CLI must not.)
 */
export async function readRegister(file: string): Promise<LoadedRegister> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new RegisterFileError(cli.file.isDirectory, 'io');
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    throw new RegisterFileError(describeIoError(error), 'io');
  }
  // Snapshot plus journal, read-only: the same state the app shows.
  const { doc, migratedFrom } = await loadRegisterFiles(file, 'read');
  return { path: file, doc, migratedFrom };
}

/**
 * For commands that show data (stats, list): an unreadable file is a CliFailure; an older format or
 * integrity problems are mentioned on stderr, so stdout stays clean for `--json`.
 */
export async function loadForDisplay(file: string, io: CliIo): Promise<LoadedRegister> {
  let loaded: LoadedRegister;
  try {
    loaded = await readRegister(file);
  } catch (error) {
    if (error instanceof RegisterFileError) throw new CliFailure([de.store.openFailed(file, error.problem)]);
    throw error;
  }
  const notes: string[] = [];
  if (loaded.migratedFrom !== null) notes.push(cli.file.migrationNote(loaded.migratedFrom, loaded.doc.schemaVersion));
  const problems = checkRegisterIntegrity(loaded.doc);
  if (problems.length > 0) notes.push(cli.file.integrityWarning(problems.length));
  writeLines(io.err, notes);
  return loaded;
}

/** The built-in sample register, or a German reason why it cannot be used. */
export function readSample(samplePath: string): { doc: RegisterDocument } | { problem: string } {
  try {
    return { doc: decodeRegister(readFileSync(samplePath, 'utf8')).doc };
  } catch (error) {
    return { problem: error instanceof RegisterFileError ? error.problem : describeIoError(error) };
  }
}
