/** One CDN operation of a URL, as data: `resize` with `['200x']` is `-/resize/200x/`. */
export interface CdnOperation {
  /** The operation's name as written in URLs, e.g. `scale_crop`. */
  readonly name: string;
  /** Its arguments, each one URL path segment, already in URL syntax (`50p`, `10,20`). */
  readonly args: readonly string[];
}

/** An operation made of checked, rendered arguments. */
export function operation(name: string, ...args: string[]): CdnOperation {
  return Object.freeze({ name, args: Object.freeze(args) });
}

/** `[resize 200x, format auto]` → `resize/200x/-/format/auto/`; '' for none (the form `File.defaultEffects` holds). */
export function renderEffects(operations: readonly CdnOperation[]): string {
  return operations.map((op) => `${[op.name, ...op.args].join('/')}/`).join('-/');
}
