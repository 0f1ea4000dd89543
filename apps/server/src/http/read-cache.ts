/**
 * A per-process cache of read results and of resolved sign-ins. Any write — through this server
 * (dropped at once, before the writer sees its response) or anywhere else (the database's NOTIFY on
 * `baton_changes`, sent at commit by triggers) — empties it. If the notification channel is lost the
 * cache turns itself off, so it can only ever serve what a fresh read would.
 */
export class ReadCache<T = unknown> {
  private generation = 0;
  private enabled: boolean;
  private readonly entries = new Map<string, { generation: number; value: T; at: number }>();

  constructor(
    enabled: boolean,
    private readonly maxEntries = 5000,
    private readonly ttlMs = 60_000,
  ) {
    this.enabled = enabled;
  }

  get current(): number {
    return this.generation;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Something changed: forget everything. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Change notifications can no longer be trusted: stop caching for good. */
  disable(): void {
    this.enabled = false;
    this.invalidate();
  }

  get(key: string): T | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.generation !== this.generation || Date.now() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Stores a value read while `generation` was current; a value read before a change is dropped. */
  set(key: string, generation: number, value: T): void {
    if (!this.enabled || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { generation, value, at: Date.now() });
  }
}
