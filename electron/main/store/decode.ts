import type { z } from 'zod';
import { de, MAX_REGISTER_MIB } from '@shared/i18n/de';
import { INVISIBLE_CHARS, stripInvisible } from '@shared/core/primitives';
import { migrate, MigrationError } from '@shared/register/migrations';
import { registerDocumentSchema, type RegisterDocument } from '@shared/register/register';

/** A register file that cannot be used as it is; `problem` is German and names what is wrong. */
export class RegisterFileError extends Error {
  constructor(
    readonly problem: string,
    readonly kind: 'empty' | 'binary' | 'tooLarge' | 'damaged' | 'invalid' | 'newer' | 'io',
  ) {
    super(problem);
  }
}

export const MAX_REGISTER_BYTES = MAX_REGISTER_MIB * 1024 * 1024;

export interface Decoded {
  doc: RegisterDocument;
  /** Set when the file was in an older format and has been lifted in memory (not yet written). */
  migratedFrom: number | null;
}

/**
 * Text of a register file → a valid current document, or a RegisterFileError. No I/O. `validate: false`
 * skips the schema check (parse and migration still run) — only for a reader of a state this program has
 * already validated (the export worker reading the revision main holds; registerFiles.readRegisterAt):
 * the check costs a full copy of the document and seconds for a large register.
 */
export function decodeRegister(text: string, options: { validate?: boolean } = {}): Decoded {
  if (text.trim() === '') throw new RegisterFileError(de.store.empty, 'empty');
  if (text.slice(0, 8192).includes('\u0000')) throw new RegisterFileError(de.store.binary, 'binary');
  // Files from before the rule against invisible characters still open: those characters are dropped.
  const raw = INVISIBLE_CHARS.test(text) ? stripInvisible(parseJson(text)) : parseJson(text);
  let migrated: ReturnType<typeof migrate>;
  try {
    migrated = migrate(raw);
  } catch (error) {
    if (error instanceof MigrationError) {
      throw new RegisterFileError(error.message, error.kind);
    }
    throw error;
  }
  if (options.validate === false) {
    return { doc: migrated.doc as RegisterDocument, migratedFrom: migrated.from === migrated.to ? null : migrated.from };
  }
  const result = registerDocumentSchema.safeParse(migrated.doc);
  if (!result.success) {
    const issues = result.error.issues;
    const first = describeIssue(migrated.doc, issues[0]!);
    throw new RegisterFileError(de.store.invalid(issues.length, /[.!?]$/.test(first) ? first : `${first}.`), 'invalid');
  }
  return { doc: result.data, migratedFrom: migrated.from === migrated.to ? null : migrated.from };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) throw new RegisterFileError(de.store.damaged(Number(lineColumn[1]), Number(lineColumn[2])), 'damaged');
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : null;
    if (offset === null) throw new RegisterFileError(de.store.damagedNoPosition, 'damaged');
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new RegisterFileError(de.store.damaged(line, column), 'damaged');
  }
}

const sectionNames: Record<string, string> = {
  measures: 'Maßnahme',
  actionFields: 'Handlungsfeld',
  orgUnits: 'Organisationseinheit',
  editions: 'Fassung',
  statuses: 'Status',
  audit: 'Protokolleintrag',
  bodies: 'Gremium',
  submissions: 'Ratsvorlage',
  submissionRevisions: 'Fassung einer Ratsvorlage',
  indicators: 'Kennzahl',
  evaluationRounds: 'Evaluationsrunde',
  assessments: 'Bewertung',
  imports: 'Import',
  meetings: 'Sitzung',
  labs: 'Quartierslabor',
  proposals: 'Anregung',
  recommendations: 'Empfehlung',
  contacts: 'Kontakt',
  trackedDecisions: 'Beschluss',
  bodyMembers: 'Gremienmitglied',
};

/** "Maßnahme HF1-03, Feld title: Bitte einen Titel eingeben." rather than a raw JSON path. */
export function describeIssue(doc: unknown, issue: z.core.$ZodIssue): string {
  const [section, index, ...rest] = issue.path;
  const sectionName = typeof section === 'string' ? sectionNames[section] : undefined;
  if (sectionName && typeof index === 'number') {
    const entry = (doc as Record<string, unknown[]>)[section as string]?.[index] as Record<string, unknown> | undefined;
    const label = typeof entry?.number === 'string' ? entry.number : typeof entry?.code === 'string' ? entry.code : `Nr. ${index + 1}`;
    const field = rest.length > 0 ? `, Feld „${rest.join('.')}“` : '';
    return `${sectionName} ${label}${field}: ${issue.message}`;
  }
  const where = issue.path.length > 0 ? `Feld „${issue.path.join('.')}“: ` : '';
  return `${where}${issue.message}`;
}
