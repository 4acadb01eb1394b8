import { z } from 'zod';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const UNIT_MS = { d: DAY_MS, h: HOUR_MS, m: MINUTE_MS } as const;
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Parses "15m", "4h", "1h30m", "2d" into milliseconds; undefined when malformed or zero. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_RE.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, d, h, m] = match;
  const ms = Number(d ?? 0) * UNIT_MS.d + Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m;
  return ms > 0 ? ms : undefined;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m || minutes === 0 ? `${m}m` : ''}`;
}

/** A policy duration written as text ("1h30m"), parsed to milliseconds. */
export const DurationSchema = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration like "15m", "4h", "1h30m" or "2d"` });
    return z.NEVER;
  }
  return ms;
});

/** Milliseconds since the Unix epoch (UTC instant). */
export const EpochMsSchema = z.number().int().min(0).max(8_640_000_000_000_000);
