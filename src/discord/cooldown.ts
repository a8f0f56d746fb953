/**
 * A per-user token bucket: a small burst of requests, then a steady rate.
 */

export interface CooldownOptions {
  /** Requests allowed at once. Default 3. */
  readonly burst?: number;
  /** Seconds for one request to be allowed again. Default 10. */
  readonly refillSeconds?: number;
}

/** Tracks each user's bucket; `now` is injectable so tests need no timers. */
export class Cooldown {
  private readonly burst: number;
  private readonly refillMs: number;
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    options: CooldownOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.burst = options.burst ?? 3;
    this.refillMs = (options.refillSeconds ?? 10) * 1_000;
  }

  /**
   * Takes one request from the user's bucket.
   * @returns 0 when allowed, else the whole seconds to wait
   */
  take(userId: string): number {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, updatedAt: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) / this.refillMs);
    if (tokens >= 1) {
      this.buckets.set(userId, { tokens: tokens - 1, updatedAt: now });
      this.forgetFullBuckets(now);
      return 0;
    }
    this.buckets.set(userId, { tokens, updatedAt: now });
    return Math.max(1, Math.ceil(((1 - tokens) * this.refillMs) / 1_000));
  }

  /** Keeps memory bounded: a bucket that has refilled completely is the same as no bucket. */
  private forgetFullBuckets(now: number): void {
    if (this.buckets.size < 1_000) return;
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) / this.refillMs >= this.burst) this.buckets.delete(userId);
    }
  }
}
