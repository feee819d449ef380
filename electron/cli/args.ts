import { cli } from '@shared/i18n/cli';
import { UsageError, type Command, type CommandOptions } from './command';

export type Parsed =
  { kind: 'help' } | { kind: 'commandHelp'; command: Command } | { kind: 'run'; command: Command; options: CommandOptions };

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/**
 * `masterplan <words…> [options]`: the leading words name the command (longest match in the table, so
 * `review create` and `review list` can sit beside `review`), the rest are that command's options.
 */
export function parseArgs(argv: readonly string[], commands: readonly Command[]): Parsed {
  if (argv.length === 0) throw new UsageError(cli.usage.noCommand);
  if (isHelp(argv[0]!)) return { kind: 'help' };
  if (argv[0]!.startsWith('-')) throw new UsageError(cli.usage.optionBeforeCommand(argv[0]!.split('=')[0]!));

  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  let command: Command | undefined;
  for (let n = words.length; n > 0 && !command; n--) {
    const name = words.slice(0, n).join(' ');
    command = commands.find((c) => c.name === name);
  }
  if (!command) {
    const typed = words.join(' ');
    const longer = commands.filter((c) => c.name.startsWith(`${typed} `)).map((c) => c.name);
    throw new UsageError(longer.length > 0 ? cli.usage.incompleteCommand(typed, longer) : cli.usage.unknownCommand(typed));
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.some(isHelp)) return { kind: 'commandHelp', command };
  return { kind: 'run', command, options: parseOptions(rest, command) };
}

function parseOptions(args: readonly string[], command: Command): CommandOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(cli.usage.unexpectedArgument(arg, command.name));
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = `--${name}`;
    const spec = Object.hasOwn(command.options, name) ? command.options[name] : undefined;
    if (!spec) throw new UsageError(cli.usage.unknownOption(option, command.name));
    if (values.has(name) || flags.has(name)) throw new UsageError(cli.usage.repeated(option));
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(cli.usage.noValueExpected(option));
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) value = args[++i];
    if (value === undefined || value === '') throw new UsageError(cli.usage.missingValue(option, spec.valueName ?? ''));
    values.set(name, value);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && spec.kind === 'value' && !values.has(name))
      throw new UsageError(cli.usage.missingOption(`--${name}`, spec.valueName ?? ''));
  }
  return {
    value: (name) => values.get(name),
    required: (name) => {
      const value = values.get(name);
      if (value === undefined) throw new Error(`option --${name} is not required by ${command.name}`);
      return value;
    },
    flag: (name) => flags.has(name),
  };
}
