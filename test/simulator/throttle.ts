// Shopify's leaky bucket for the GraphQL Admin API: each app+shop pair has `maximumAvailable`
// points that refill at `restoreRate` per second. A query is refused (THROTTLED) when its requested
// cost exceeds what is available; after it runs, the difference between requested and actual
// cost is given back.

export interface ThrottleSettings {
  enabled: boolean;
  maximumAvailable: number;
  restoreRate: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { enabled: false, maximumAvailable: 2000, restoreRate: 100 };

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    private readonly settings: ThrottleSettings,
    now: Date,
  ) {
    this.available = settings.maximumAvailable;
    this.updatedAt = now.getTime();
  }

  private refill(now: Date): void {
    const elapsed = Math.max(0, now.getTime() - this.updatedAt) / 1000;
    this.available = Math.min(this.settings.maximumAvailable, this.available + elapsed * this.settings.restoreRate);
    this.updatedAt = Math.max(this.updatedAt, now.getTime());
  }

  /** Takes `cost` points, or answers false (throttled) when the bucket holds fewer. */
  take(cost: number, now: Date): boolean {
    this.refill(now);
    if (this.settings.enabled && cost > this.available) return false;
    this.available = Math.max(0, this.available - cost);
    return true;
  }

  giveBack(points: number, now: Date): void {
    this.refill(now);
    this.available = Math.min(this.settings.maximumAvailable, this.available + Math.max(0, points));
  }

  status(now: Date): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.settings.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.settings.restoreRate,
    };
  }
}

/** Request floods: more than `maxRequests` in a sliding window of `perMs` answers HTTP 429. */
export class FloodGate {
  private readonly times: number[] = [];
  constructor(private readonly limit: { maxRequests: number; perMs: number }) {}

  /** Seconds to wait when the request is refused, or null when it may pass. */
  admit(now: Date): number | null {
    const t = now.getTime();
    while (this.times.length > 0 && (this.times[0] as number) <= t - this.limit.perMs) this.times.shift();
    if (this.times.length >= this.limit.maxRequests) {
      const waitMs = (this.times[0] as number) + this.limit.perMs - t;
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    this.times.push(t);
    return null;
  }
}
