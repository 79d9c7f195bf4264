// Typing batched into one edit: changes to one entity gather until the user pauses (~400 ms),
// then become a single commit. A different entity, blur or Enter flushes at once.

export const TYPING_DELAY_MS = 400;

export interface Batcher<P> {
  /** Record a change of `key` (an entity id); fields merge with earlier pending ones. */
  push(key: string, patch: P): void;
  /** Commit what is pending now. */
  flush(): void;
  /** Forget what is pending (Escape). */
  cancel(): void;
  pendingKey(): string | null;
}

export function createBatcher<P extends object>(
  commit: (key: string, patch: P) => void,
  delay = TYPING_DELAY_MS,
): Batcher<P> {
  let key: string | null = null;
  let patch: P | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = () => {
    clear();
    if (key !== null && patch !== null) {
      const k = key;
      const p = patch;
      key = null;
      patch = null;
      commit(k, p);
    }
  };
  return {
    push(k, p) {
      if (key !== null && key !== k) flush();
      key = k;
      patch = { ...(patch ?? {}), ...p } as P;
      clear();
      timer = setTimeout(flush, delay);
    },
    flush,
    cancel() {
      clear();
      key = null;
      patch = null;
    },
    pendingKey: () => key,
  };
}
