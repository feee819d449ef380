import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appSettingsSchema, DEFAULT_APP_SETTINGS, type AppSettings } from '@shared/settings/settings';
import { writeFileDurable } from '@main/store/durableWrite';

/**
 * Per-user settings (display name, backup retention, last register). A damaged settings file must not
 * keep the app from starting: it is set aside as `.beschaedigt` and defaults are used.
 */
export class SettingsFile {
  private constructor(
    readonly file: string,
    private current: AppSettings,
  ) {}

  static async load(file: string): Promise<SettingsFile> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return new SettingsFile(file, { ...DEFAULT_APP_SETTINGS });
    }
    try {
      const parsed = appSettingsSchema.safeParse({ ...DEFAULT_APP_SETTINGS, ...(JSON.parse(text) as object) });
      if (parsed.success) return new SettingsFile(file, parsed.data);
    } catch {
      // fall through to setting the damaged file aside
    }
    await fs.rename(file, `${file}.beschaedigt`).catch(() => undefined);
    return new SettingsFile(file, { ...DEFAULT_APP_SETTINGS });
  }

  get value(): AppSettings {
    return this.current;
  }

  async save(next: AppSettings): Promise<AppSettings> {
    const valid = appSettingsSchema.parse(next);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileDurable(this.file, JSON.stringify(valid, null, 2));
    this.current = valid;
    return valid;
  }
}
