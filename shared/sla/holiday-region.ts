import Holidays from 'date-holidays';
import { parseCivilDate } from '../time/civil';
import { DAY_MS } from '../time/duration';

/** A closed local day from a holiday source: day number (days since 1970-01-01) and its name. */
export type HolidayDay = { day: number; name: string };

type Region = { country: string; state?: string; region?: string };

function splitRegion(code: string): Region | undefined {
  const [country, state, region, ...rest] = code.split('-');
  if (!country || rest.length) return undefined;
  return { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
}

let catalog: Holidays | undefined;
const sources = new Map<string, Holidays>();
const years = new Map<string, HolidayDay[]>();

/** Whether date-holidays knows `code` ("US", "DE-BY", "US-LA-NO"); unknown states are not silently widened to the country. */
export function isKnownHolidayRegion(code: string): boolean {
  const parts = splitRegion(code);
  if (!parts) return false;
  catalog ??= new Holidays();
  const has = (table: Record<string, string> | undefined, key: string) =>
    !!table && Object.keys(table).some((k) => k.toUpperCase() === key.toUpperCase());
  if (!has(catalog.getCountries(), parts.country)) return false;
  if (parts.state && !has(catalog.getStates(parts.country), parts.state)) return false;
  if (parts.state && parts.region && !has(catalog.getRegions(parts.country, parts.state), parts.region)) return false;
  return true;
}

/**
 * Public holidays (type "public" only: observances, optional and bank days
 * stay open) of `code` in `year`, as local dates, cached per region and year.
 * Substitute days ("observed" on a weekday) are public holidays too.
 */
export function regionHolidays(code: string, year: number): HolidayDay[] {
  const key = `${code}:${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  let source = sources.get(code);
  if (!source) {
    const parts = splitRegion(code);
    source = parts ? new Holidays(parts) : new Holidays();
    sources.set(code, source);
  }
  const out: HolidayDay[] = [];
  for (const h of source.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const first = parseCivilDate(h.date.slice(0, 10));
    if (first === undefined) continue;
    // Multi-day holidays close every local day they cover.
    const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < span; i++) out.push({ day: first + i, name: h.name });
  }
  years.set(key, out);
  return out;
}
