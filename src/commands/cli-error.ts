/**
 * The one error a command throws when it cannot run: a wrong argument (exit 2, a usage error) or
 * a problem it cannot go on from (exit 1). src/cli/main.ts catches it in one place and prints one
 * line on stderr, `capaian: message  (hint)`, never a stack trace or the whole usage.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2: the command line is wrong; 1: the data or a file is. */
    readonly exitCode: 1 | 2 = 2,
    /** What to do instead: the accepted forms, a "did you mean", the help to read. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  /** The line printed on stderr. */
  line(): string {
    return `capaian: ${this.message}${this.hint ? `  (${this.hint})` : ''}`;
  }
}
