// A value built on first use. The zod schemas are only needed when a configuration file is read or
// JSON is printed; building them (and, in the CLI bundle, loading zod at all: scripts/bundle.mjs)
// on every start cost `vanban check FILE` about 45 ms of its cold start.

/**
 * An object that stands for `build()`'s result and builds it when first touched. Methods are read
 * from the built object (zod's are closures over their schema, so they work when called through
 * this stand-in); `unwrap` gives the built object itself, for code that compares identities.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const get = (): T => (value ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => (key === LAZY_VALUE ? get() : Reflect.get(get(), key)),
    has: (_target, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), key);
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}

const LAZY_VALUE = Symbol('lazy value');

/** The object a `lazy` stand-in builds (anything else as it is). */
export function unwrap<T extends object>(value: T): T {
  return ((value as Record<symbol, unknown>)[LAZY_VALUE] as T | undefined) ?? value;
}
