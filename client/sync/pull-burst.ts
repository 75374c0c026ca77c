/**
 * Gathers the collections named by change notices and pulls them once the notices pause for
 * `quietMs`, but never later than `maxWaitMs` after the first one: a steady source of notices
 * (a printer reporting its state, a busy dock) must not keep every other collection from being
 * pulled.
 */
export function pullBursts<T>(pull: (names: Set<T>) => void, options: { quietMs: number; maxWaitMs: number }): { add(names: Iterable<T>): void; remove(name: T): void; cancel(): void } {
  let waiting = new Set<T>();
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    const names = waiting;
    waiting = new Set();
    if (names.size > 0) pull(names);
  };
  return {
    add(names) {
      for (const name of names) waiting.add(name);
      clearTimeout(quiet);
      quiet = setTimeout(flush, options.quietMs);
      deadline ??= setTimeout(flush, options.maxWaitMs);
    },
    remove(name) {
      waiting.delete(name);
    },
    cancel() {
      clearTimeout(quiet);
      clearTimeout(deadline);
      waiting.clear();
    },
  };
}
