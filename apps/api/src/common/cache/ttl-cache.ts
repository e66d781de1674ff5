/**
 * A small in-process cache with a time-to-live and a size bound, for hot-path lookups that
 * may be a few seconds stale (principals, webhook subscriptions). Entries are evicted oldest
 * first once `maxEntries` is reached. A load that started before a `delete`/`deleteWhere` of
 * its key is not stored, so an invalidation is never undone by a read that raced it.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private readonly inFlight = new Map<K, Promise<V | null>>();
  /** Bumped by every invalidation; a load stores its result only if it did not move. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  /**
   * The cached value, or `load()`'s. A null load (nothing found) is not stored: a credential
   * that does not exist yet may exist on the next request. Concurrent misses of one key share
   * one load, so a burst of requests costs one query.
   */
  async getOrLoad(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load().then(
      (value) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        if (value !== null && generation === this.generation) this.set(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, loading);
    return loading;
  }

  /** Where invalidations stand; see setIfCurrent. */
  get version(): number {
    return this.generation;
  }

  /**
   * Stores `value` (read fresh from the database) unless an invalidation happened since
   * `version` was taken before that read: a write that committed meanwhile wins.
   */
  setIfCurrent(key: K, value: V, version: number): void {
    if (version === this.generation) this.set(key, value);
  }

  delete(key: K): void {
    this.generation++;
    this.entries.delete(key);
    this.inFlight.delete(key);
  }

  /** Drops every entry whose key or value matches (invalidation by something other than key). */
  deleteWhere(matches: (key: K, value: V) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (matches(key, entry.value)) this.entries.delete(key);
    }
    // A load in flight may be for a matching key; it will not be stored (generation moved).
    this.inFlight.clear();
  }
}
