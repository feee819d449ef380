import { buildMeetingDocx, MeetingDocumentRefused, type MeetingDocumentKind, type MinutesPart } from '@main/participation/meetingDocx';
import type { RegisterDocument } from '@shared/register/register';
import type { Meeting } from '@shared/participation/participation';
import { formatDate } from '@shared/core/format';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { CliFailure, UsageError, writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { readUserSettings } from '../userSettings';
import { returnAddress } from '@shared/settings/letterSender';
import { appVersion, kilobytes, outTarget, refuseExisting, writeTarget } from './exportEvaluation';

const t = cli.participation;
const KINDS: readonly MeetingDocumentKind[] = ['einladung', 'niederschrift'];
const PARTS: readonly MinutesPart[] = ['oeffentlich', 'nichtoeffentlich'];
/** Sessions named when an id is unknown; beyond these only a count. */
const LISTED = 20;

function bodyLabel(doc: RegisterDocument, meeting: Meeting): string {
  const body = doc.bodies.find((b) => b.id === meeting.bodyId);
  return body?.shortName || body?.name || meeting.bodyId;
}

/** The session the call names (not in the Papierkorb); an unknown id lists the sessions there are (exit 1). */
function findMeeting(doc: RegisterDocument, id: string): Meeting {
  const found = doc.meetings.find((m) => m.id === id);
  if (found && found.deletedAt === null) return found;
  if (found) throw new CliFailure([t.meetingInTrash(id)]);
  const live = doc.meetings.filter((m) => m.deletedAt === null).sort((a, b) => b.date.localeCompare(a.date));
  const entries = live.slice(0, LISTED).map((m) => t.meetingListEntry(m.id, bodyLabel(doc, m), m.number, formatDate(m.date)));
  if (live.length > LISTED) entries.push(t.moreMeetings(live.length - LISTED));
  throw new CliFailure([t.unknownMeeting(id), entries.length > 0 ? t.availableMeetings(entries.join(', ')) : t.noMeetings]);
}

/**
 * `export session --store FILE --id ID --kind einladung|niederschrift [--part oeffentlich|nichtoeffentlich]
 * --out FILE.docx [--force]`: the
 * Einladung mit Tagesordnung (with the sender of the user's settings, named on stderr) or the
 * Niederschrift of a session as Word. A wrong --kind or extension is
 * exit 2, an unknown session exit 1; nothing is written then, nor over an existing file without --force.
 */
export const exportSessionCommand: Command = {
  name: 'export session',
  summary: t.commands.session,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    id: { kind: 'value', required: true, valueName: cli.options.idValue, help: t.options.id },
    kind: { kind: 'value', required: true, valueName: t.options.kindValue, help: t.options.kind },
    part: { kind: 'value', valueName: t.options.partValue, help: t.options.part },
    out: { kind: 'value', required: true, valueName: cli.options.outDocxValue, help: cli.options.outDocx },
    force: { kind: 'flag', help: cli.options.force },
  },
  async run(ctx) {
    const { options, io, env } = ctx;
    const kind = options.required('kind').trim().toLowerCase() as MeetingDocumentKind;
    if (!KINDS.includes(kind)) throw new UsageError(t.badKind(options.required('kind')));
    const partOption = options.value('part');
    const part = partOption === undefined ? undefined : (partOption.trim().toLowerCase() as MinutesPart);
    if (part !== undefined && (kind !== 'niederschrift' || !PARTS.includes(part))) throw new UsageError(t.badPart(partOption!));
    const target = outTarget(ctx, '.docx');
    const force = options.flag('force');
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    const meeting = findMeeting(doc, options.required('id'));
    await refuseExisting(target, force);
    // The Einladung is a letter: its sender is the app's "Absender für Briefe" of this user (the example
    // until one is saved, said so on stderr as the Einstellungen say it). The Niederschrift has none.
    const sender = kind === 'einladung' ? (await readUserSettings(env.settingsPath)).letterSender : undefined;
    let bytes: Uint8Array;
    try {
      bytes = await buildMeetingDocx({
        doc,
        meetingId: meeting.id,
        kind,
        part,
        logo: null,
        sender,
        generatedAt: env.now(),
        appVersion: appVersion(),
      });
    } catch (error) {
      if (error instanceof MeetingDocumentRefused) throw new CliFailure([error.message]);
      throw error;
    }
    await writeTarget(target, bytes, force);
    if (sender)
      io.err.write(
        `${sender.example ? t.senderExample(returnAddress(sender)) : t.senderFromSettings(returnAddress(sender), sender.contactName.trim())}\n`,
      );
    const docs = de.participationDocs;
    writeLines(io.out, [
      cli.export.written(target, kilobytes(bytes.length)),
      t.meeting(docs.meeting.subjects[kind], bodyLabel(doc, meeting), docs.meeting.sessionLabel(meeting.number), formatDate(meeting.date)),
    ]);
    return 0;
  },
};
