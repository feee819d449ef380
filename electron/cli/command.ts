/** The shape every CLI command has, and the two kinds of expected failure. */

/** Where a command writes; `process.stdout`/`process.stderr` in real use, string buffers in tests. */
export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Things the commands would otherwise take from the environment; tests replace them. */
export interface CliEnv {
  /** Folder relative `--store` paths are resolved against. */
  cwd: string;
  /** The built-in sample register (resources/sample-register.json). */
  samplePath: string;
  now: () => Date;
  newId: () => string;
  /** The app's per-user settings file (userSettings.ts); null or absent: defaults. */
  settingsPath?: string | null;
  /** The full name of the operating-system account (osFullName); tests give a fixed one. */
  osFullName?: () => Promise<string>;
}

export interface OptionSpec {
  /** `value` takes an argument (`--store FILE` or `--store=FILE`); `flag` is a switch (`--json`). */
  kind: 'value' | 'flag';
  required?: boolean;
  /** Placeholder in help and messages, e.g. `DATEI`. */
  valueName?: string;
  help: string;
}

/** Parsed options of one call: values by option name, and the set flags. */
export interface CommandOptions {
  value(name: string): string | undefined;
  /** A required value option; the parser has already refused the call if it is missing. */
  required(name: string): string;
  flag(name: string): boolean;
}

export interface CommandContext {
  options: CommandOptions;
  io: CliIo;
  env: CliEnv;
}

export interface Command {
  /** The words typed after `masterplan`, e.g. `list measures`. */
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Exit code: 0 done, 1 refused or invalid data. Expected failures may also throw CliFailure. */
  run(ctx: CommandContext): Promise<number>;
}

/** A wrong call (unknown command or option, missing value): exit code 2 and a hint to the help. */
export class UsageError extends Error {}

/** An expected refusal (file exists, file damaged …): exit code 1, the lines go to stderr, no stack. */
export class CliFailure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function writeLines(stream: CliIo['out'], lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
}
