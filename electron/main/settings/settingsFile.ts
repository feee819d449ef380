import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { appSettingsSchema, DEFAULT_APP_SETTINGS, type AppSettings } from '@shared/settings/settings';
import { DurableJsonAdapter } from '@main/store/durableJsonAdapter';

/** A settings file that is not JSON or not settings: set aside, never a reason not to start. */
class DamagedSettingsError extends Error {}

function decodeSettings(text: string): AppSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DamagedSettingsError();
  }
  const parsed = appSettingsSchema.safeParse({ ...DEFAULT_APP_SETTINGS, ...(raw as object) });
  if (!parsed.success) throw new DamagedSettingsError();
  return parsed.data;
}

/**
 * Per-user settings (display name, backup retention, last register), a small lowdb document on the
 * durable, validating adapter (the register itself needs snapshot + journal, which lowdb's one-file
 * model cannot express; see docs/store.md). A damaged settings file must not keep the app from starting:
 * it is set aside as `.beschaedigt` and defaults are used. An unreadable one (permissions, I/O) is left
 * alone and defaults are used for this run.
 */
export class SettingsFile {
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly db: Low<AppSettings>,
  ) {}

  static async load(file: string): Promise<SettingsFile> {
    const adapter = new DurableJsonAdapter<AppSettings>(file, decodeSettings, (data) => JSON.stringify(data, null, 2));
    const db = new Low<AppSettings>(adapter, { ...DEFAULT_APP_SETTINGS });
    try {
      await db.read();
    } catch (error) {
      if (error instanceof DamagedSettingsError) await fs.rename(file, `${file}.beschaedigt`).catch(() => undefined);
      db.data = { ...DEFAULT_APP_SETTINGS };
    }
    return new SettingsFile(file, db);
  }

  get value(): AppSettings {
    return this.db.data;
  }

  /** Validates, writes durably, and only then makes the new settings current (a failed write changes nothing). */
  save(next: AppSettings): Promise<AppSettings> {
    return this.update(() => next);
  }

  /**
   * Applies `change` to the settings as they are once every earlier write has finished, then saves. Writes
   * run one after another: two at once could land on disk in the wrong order, and a failed one must not
   * roll back a later one that succeeded.
   */
  update(change: (current: AppSettings) => AppSettings): Promise<AppSettings> {
    const result = this.writes.then(() => this.write(change(this.db.data)));
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every write started so far has finished (successfully or not). */
  flush(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  private async write(next: AppSettings): Promise<AppSettings> {
    const valid = appSettingsSchema.parse(next);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const previous = this.db.data;
    this.db.data = valid;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      throw error;
    }
    return valid;
  }
}
