/**
 * Waiting for something the fake Discord records (a request, READY, a RESUME, a gateway close):
 * each wait probes on every change until the probe finds a value, times out, or the fake closes.
 */

interface Waiter {
  settle: () => boolean;
  fail: (error: Error) => void;
}

export class Waiters {
  private readonly pending = new Set<Waiter>();
  private closed = false;

  /** Resolves with the first value `probe` returns, now or after a {@link settle}; rejects after `timeoutMs`. */
  waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) {
        reject(new Error(`Cannot wait for ${what}: the fake Discord is closed`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        settle: () => {
          const value = probe();
          if (value === undefined) return false;
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (!waiter.settle()) this.pending.add(waiter);
    });
  }

  /** Probes every pending wait again: call after anything a wait may be waiting for was recorded. */
  settle(): void {
    for (const waiter of this.pending) {
      if (waiter.settle()) this.pending.delete(waiter);
    }
  }

  /** Rejects every pending wait, and every later one, because the fake was closed. */
  close(): void {
    this.closed = true;
    for (const waiter of this.pending) waiter.fail(new Error('The fake Discord was closed'));
    this.pending.clear();
  }
}
