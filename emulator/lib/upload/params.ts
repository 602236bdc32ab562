/**
 * The fields of one Upload API request: query parameters first, then form fields as the body is parsed.
 * Later values of a name win for {@link RequestParams.get}; {@link RequestParams.all} keeps every one.
 */
export class RequestParams {
  private readonly entries: [string, string][] = [];

  constructor(query?: URLSearchParams) {
    if (query) for (const [name, value] of query) this.entries.push([name, value]);
  }

  add(name: string, value: string): void {
    this.entries.push([name, value]);
  }

  get(name: string): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const [key, value] = this.entries[i]!;
      if (key === name) return value;
    }
    return undefined;
  }

  /** Every `[name, value]` pair whose name `test` accepts, in arrival order. */
  matching(test: (name: string) => boolean): [string, string][] {
    return this.entries.filter(([name]) => test(name));
  }

  /** `metadata[key]=value` fields as a record (later duplicates win). */
  metadata(): Record<string, string> {
    const metadata: Record<string, string> = {};
    for (const [name, value] of this.entries) {
      const key = /^metadata\[(.*)\]$/s.exec(name)?.[1];
      if (key !== undefined) metadata[key] = value;
    }
    return metadata;
  }

  /** True for `1`/`true`, as the Upload API reads its boolean flags. */
  flag(name: string): boolean | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    return value === '1' || value.toLowerCase() === 'true';
  }
}
