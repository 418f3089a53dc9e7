/** Coalesces App Home refreshes: a burst of commands from one member republishes their Home once, shortly after the last. */

export interface HomeRefresher {
  /** Publishes `key`'s Home after a short quiet spell, replacing any refresh already waiting for that key. */
  schedule(key: string, publish: () => Promise<void>): void;
  /** Drops waiting refreshes (shutdown). */
  cancelAll(): void;
}

export function createHomeRefresher(delayMs: number): HomeRefresher {
  const waiting = new Map<string, NodeJS.Timeout>();
  return {
    schedule(key, publish) {
      const previous = waiting.get(key);
      if (previous) clearTimeout(previous);
      const timer = setTimeout(() => {
        waiting.delete(key);
        void publish();
      }, delayMs);
      timer.unref?.();
      waiting.set(key, timer);
    },
    cancelAll() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
