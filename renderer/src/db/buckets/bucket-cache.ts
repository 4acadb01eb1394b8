/**
 * Buckets already read, kept decoded (most recently used last), so reads
 * of a few records from many buckets (a queue window, an alert schedule)
 * do not decode every bucket again each time. Holds committed contents
 * only: a bucket being rewritten is dropped, and a read that was under way
 * meanwhile does not put its older copy back (`generation`). Callers get
 * copies (copyOf), as IndexedDB gives every read its own objects.
 */
export class BucketCache {
  private readonly entries = new Map<string, readonly object[]>();
  private readonly generations = new Map<string, number>();
  private size = 0;

  /** `capacity`: records kept at most. */
  constructor(private readonly capacity: number) {}

  get(bucket: string): readonly object[] | undefined {
    const records = this.entries.get(bucket);
    if (records) {
      this.entries.delete(bucket);
      this.entries.set(bucket, records);
    }
    return records;
  }

  /** The bucket's generation now: a read started now may store what it reads only while it is unchanged. */
  generation(bucket: string): number {
    return this.generations.get(bucket) ?? 0;
  }

  put(bucket: string, records: readonly object[], generation: number): void {
    if (this.generation(bucket) !== generation || records.length > this.capacity) return;
    this.drop(bucket, false);
    this.entries.set(bucket, records);
    this.size += records.length;
    for (const [oldest, kept] of this.entries) {
      if (this.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.size -= kept.length;
    }
  }

  /** The bucket is being rewritten (or another connection rewrote it): forget it. */
  invalidate(bucket: string): void {
    this.drop(bucket, true);
  }

  clear(): void {
    for (const bucket of [...this.entries.keys()]) this.drop(bucket, true);
  }

  private drop(bucket: string, bump: boolean): void {
    const kept = this.entries.get(bucket);
    if (kept) {
      this.entries.delete(bucket);
      this.size -= kept.length;
    }
    if (bump) this.generations.set(bucket, this.generation(bucket) + 1);
  }
}

/** A copy of stored data (plain objects, arrays and primitives, as records are); anything else goes through structuredClone. */
export function copyOf<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyOf((value as Record<string, unknown>)[key]);
  return out as T;
}
