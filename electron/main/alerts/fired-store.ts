import { z } from 'zod';
import { FiredAlertSchema, retainFired, type FiredAlert } from '../../../shared/alerts/fired-alert';
import { createWriteQueue, readJsonFile } from '../json-file';

/**
 * Which (ticket, clock, threshold) alerts were announced and acknowledged,
 * kept in userData so a restart neither repeats nor forgets them.
 */
const FiredFileSchema = z.object({ version: z.literal(1), fired: z.array(FiredAlertSchema) }).strict();

export type FiredStoreLog = { warn(message: string): void; error(message: string, error?: unknown): void };

export class FiredStore {
  private constructor(
    private readonly entries: Map<string, FiredAlert>,
    private readonly write: (value: unknown) => Promise<void>,
  ) {}

  static async open(file: string, log: FiredStoreLog): Promise<FiredStore> {
    const read = await readJsonFile(file, FiredFileSchema);
    if (read.state === 'corrupt') log.warn(`fired alerts file was unreadable; kept it as ${file}.corrupt and started empty`);
    const entries = new Map((read.value?.fired ?? []).map((e) => [e.key, e] as const));
    return new FiredStore(entries, createWriteQueue(file, (e) => log.error('could not save fired alerts', e)));
  }

  get map(): ReadonlyMap<string, FiredAlert> {
    return this.entries;
  }

  /** Remembers new or updated entries and persists. */
  record(entries: readonly FiredAlert[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    for (const entry of entries) this.entries.set(entry.key, entry);
    return this.flush();
  }

  /** Marks announced breach alerts acknowledged; answers how many changed. */
  acknowledge(keys: readonly string[], now: number): number {
    let changed = 0;
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry && entry.acknowledgedAt === null) {
        this.entries.set(key, { ...entry, acknowledgedAt: now });
        changed++;
      }
    }
    if (changed) void this.flush();
    return changed;
  }

  /** Forgets entries of tickets long gone from the schedule. */
  prune(scheduledKeys: ReadonlySet<string>, now: number): void {
    const kept = retainFired(this.entries.values(), scheduledKeys, now);
    if (kept.length === this.entries.size) return;
    this.entries.clear();
    for (const entry of kept) this.entries.set(entry.key, entry);
    void this.flush();
  }

  flush(): Promise<void> {
    return this.write({ version: 1, fired: [...this.entries.values()] });
  }
}
