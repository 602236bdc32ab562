/** `value` without its undefined fields, so that spreading it over defaults keeps the defaults for what is absent. */
export function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
