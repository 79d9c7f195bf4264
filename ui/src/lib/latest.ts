// Only the latest request matters: while one fetch runs, further requests collapse into one
// re-run after it, and a result is delivered only if no newer request came in meanwhile. So an
// edit burst costs at most two fetches, and an old answer never overwrites a newer one.

export interface LatestOnly {
  /** Ask for a fresh result. */
  request(): void;
  /** Resolves once no fetch is running or pending (for tests and shutdown). */
  idle(): Promise<void>;
}

export function createLatestOnly<T>(
  fetch: () => Promise<T>,
  deliver: (value: T) => void,
  fail: (error: unknown) => void,
): LatestOnly {
  let running: Promise<void> | null = null;
  let pending = false;

  async function loop(): Promise<void> {
    do {
      pending = false;
      try {
        const value = await fetch();
        if (!pending) deliver(value);
      } catch (e) {
        if (!pending) fail(e);
      }
    } while (pending);
    running = null;
  }

  return {
    request() {
      if (running) {
        pending = true;
        return;
      }
      running = loop();
    },
    async idle() {
      while (running) await running;
    },
  };
}
