// Work that waits for the user to pause: it runs once no request and no activity came for a
// while, so a burst of edits, or a pan that goes on, costs one run at its end.

export interface SettleTimer {
  /** Run after the pause, whether or not a run was waiting. */
  request(): void;
  /** The user is busy: a run that is waiting waits for the pause again (none is asked for). */
  postpone(): void;
  /** Whether a run is waiting. */
  waiting(): boolean;
  /** A run that is waiting runs now (nothing happens when none waits). */
  flush(): void;
}

export function createSettleTimer(pauseMs: number, run: () => void): SettleTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const start = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, pauseMs);
  };
  return {
    request: start,
    postpone() {
      if (timer !== null) start();
    },
    waiting: () => timer !== null,
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      run();
    },
  };
}
