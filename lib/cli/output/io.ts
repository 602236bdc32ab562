/** Where text goes: process.stdout / process.stderr, or a capture in tests. */
export interface TextSink {
  write(text: string): unknown;
  /** True when the sink is a terminal: progress bars are drawn only then. */
  readonly isTTY?: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/** Everything the CLI reads from or writes to its process, so it can run inside a test as well. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths start from, and where `uploadcare.ini` is looked for. */
  readonly cwd: string;
  /** Where `~/.uploadcare` is looked for. */
  readonly homeDir: string;
}
