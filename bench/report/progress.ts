/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, one plain line
 * per case otherwise (CI logs, pipes). Never writes to stdout, which carries
 * the tables and the `--json` report.
 */
export class Progress {
  readonly #tty = process.stderr.isTTY === true;
  #done = 0;

  constructor(
    private total: number,
    private readonly label: string,
  ) {}

  /** Adds cases discovered after construction (suites that enumerate lazily). */
  grow(by: number): void {
    this.total += by;
  }

  /** Marks the start of a case. */
  start(name: string): void {
    if (this.#tty) {
      const width = 24;
      const filled = this.total === 0 ? 0 : Math.round((this.#done / this.total) * width);
      const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
      const line = `${this.label} [${bar}] ${this.#done}/${this.total} ${name}`;
      const columns = process.stderr.columns ?? 100;
      process.stderr.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
    } else {
      process.stderr.write(`${this.label} ${this.#done + 1}/${this.total} ${name}\n`);
    }
  }

  /** Marks the end of a case. */
  finish(): void {
    this.#done++;
  }

  /** Clears the bar and prints a closing line. */
  end(): void {
    if (this.#tty) process.stderr.write("\r\x1b[2K");
    process.stderr.write(`${this.label}: ${this.#done} cases done\n`);
  }

  /** A log line that does not fight with the bar. */
  log(message: string): void {
    if (this.#tty) process.stderr.write("\r\x1b[2K");
    process.stderr.write(`${message}\n`);
  }
}
