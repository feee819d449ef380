import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The support log for city IT: `protokoll.log` in the `Protokolle` folder of the user data folder, at most
 * `maxBytes` per file and `keep` older files (protokoll.1.log …), so it never grows without bound. It takes
 * an event name and a few fields of plain numbers, booleans or short codes: never payloads, file paths,
 * names or register content (personal data must not reach a log). Writing never throws into the app.
 */
export type LogField = string | number | boolean | null;
const CODE = /^[A-Za-z0-9_.:-]{0,64}$/;

export class SupportLog {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly maxBytes = 1024 * 1024,
    private readonly keep = 3,
  ) {
    this.file = path.join(dir, 'protokoll.log');
  }

  info(event: string, fields: Record<string, LogField> = {}): void {
    this.write('INFO', event, fields);
  }

  error(event: string, fields: Record<string, LogField> = {}): void {
    this.write('ERROR', event, fields);
  }

  /** Only codes and numbers pass; any other text (which might be personal) is replaced by its length. */
  static sanitize(fields: Record<string, LogField>): string {
    return Object.entries(fields)
      .filter(([key]) => CODE.test(key))
      .map(([key, value]) => `${key}=${typeof value === 'string' && !CODE.test(value) ? `<Text, ${value.length} Zeichen>` : String(value)}`)
      .join(' ');
  }

  private write(level: string, event: string, fields: Record<string, LogField>): void {
    const line =
      `${new Date().toISOString()} ${level} ${CODE.test(event) ? event : 'event'} ${SupportLog.sanitize(fields)}`.trimEnd() + '\n';
    try {
      mkdirSync(this.dir, { recursive: true });
      this.rotateIfNeeded(Buffer.byteLength(line));
      appendFileSync(this.file, line);
    } catch {
      // A full disk or a locked file must not stop the app; the log is for support only.
    }
  }

  private rotateIfNeeded(incoming: number): void {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return; // no log yet
    }
    if (size + incoming <= this.maxBytes) return;
    const numbered = (n: number) => path.join(this.dir, `protokoll.${n}.log`);
    rmSync(numbered(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(numbered(n), numbered(n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(this.file, numbered(1));
  }
}
