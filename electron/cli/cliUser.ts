import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { osFullName } from '@main/settings/osFullName';
import type { CommandContext, OptionSpec } from './command';
import { readUserSettings } from './userSettings';

/** `--user "Name"` of the commands that write to a register (import, review, exports with personal data). */
export const USER_OPTION: Record<'user', OptionSpec> = {
  user: { kind: 'value', valueName: cli.options.userValue, help: cli.options.user },
};

/**
 * The person named in the audit trail and the write lock when the CLI writes, as the app names them
 * (issue 15: a login never stands where a person's name belongs): `--user`, else the display name the app
 * asked for at first start (its per-user settings), else the full name of the operating-system account,
 * else "Name nicht angegeben". Never the login ("mmustermann", "root").
 */
export async function cliUserName({ options, env }: Pick<CommandContext, 'options' | 'env'>): Promise<string> {
  const given = clean(options.value('user') ?? '');
  if (given) return given;
  const setting = clean((await readUserSettings(env.settingsPath)).displayName);
  if (setting) return setting;
  const account = clean(await (env.osFullName ?? osFullName)());
  return account || de.ui.settings.noName;
}

/** One line of at most 120 characters, as the settings store the display name. */
function clean(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 120);
}
