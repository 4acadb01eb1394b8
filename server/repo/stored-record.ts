import { ValidationError } from '../../shared/errors';
import { HttpError } from '../http/errors';

export type StoredTable = 'tickets' | 'ticket_events' | 'kb_articles' | 'audit_log';

/**
 * A stored row that no longer reads as what was written: not JSON, or a
 * field the schema refuses (a hand edit, a bad restore, a disk fault). It
 * names the row and the field, so an administrator can repair it, and it is
 * a server fault (500), never blamed on the request.
 *
 * What the server does with one depends on the read. Reads that serve many
 * records (a pull page, an escalation pass) skip the damaged row and report
 * it, so one bad row cannot stop every client's sync or every ticket's
 * escalations; a mutation on a damaged ticket is refused with this reason
 * (the agent keeps what they typed); a read of that one ticket answers 500.
 */
export class DamagedRecordError extends HttpError {
  constructor(
    readonly table: StoredTable,
    readonly id: string,
    /** The ticket the row belongs to, when it belongs to one. */
    readonly ticketId: string | null,
    field: string | undefined,
    readonly detail: string,
  ) {
    super(500, 'damaged_record', `stored ${table} row ${id} is damaged (${field ? `${field}: ` : ''}${detail}); an administrator must repair it`, field);
    this.name = 'DamagedRecordError';
  }
}

/** Receives each damaged row a read skipped (the server logs it). */
export type DamagedSink = (error: DamagedRecordError) => void;

/** Throws: for reads of one record, where skipping would change the answer. */
export const failOnDamaged: DamagedSink = (error) => {
  throw error;
};

export const logDamaged: DamagedSink = (error) => console.error(error.message);

/**
 * Parses a stored JSON column with the record's schema. A row that is not
 * JSON, or that the schema refuses, becomes a DamagedRecordError naming the
 * row and the first bad field.
 */
export function readStored<T>(table: StoredTable, id: string, ticketId: string | null, text: string, parse: (input: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DamagedRecordError(table, id, ticketId, undefined, `not JSON: ${(error as Error).message}`);
  }
  try {
    return parse(json);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const first = error.fields[0];
    throw new DamagedRecordError(table, id, ticketId, first?.field || undefined, first?.message ?? error.message);
  }
}

/** For a read of many rows: a damaged row `read` meets goes to `sink` (which may throw) and reads as absent. */
export function skipDamaged<T>(sink: DamagedSink, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof DamagedRecordError)) throw error;
    sink(error);
    return undefined;
  }
}

/** readStored for a read of many rows (see skipDamaged). */
export function readStoredOr<T>(sink: DamagedSink, ...args: Parameters<typeof readStored<T>>): T | undefined {
  return skipDamaged(sink, () => readStored(...args));
}
