import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canReadTicket } from '../../shared/auth/access';
import { parseWith } from '../../shared/errors';
import type { StoredEvent } from '../../shared/model/stored-event';
import type { Ticket } from '../../shared/model/ticket';
import type { Db } from '../db/open-database';
import { requireAgent } from '../http/auth-hook';
import { HttpError } from '../http/errors';
import { eventsOfTicket } from '../repo/events';
import { DamagedRecordError, type DamagedSink } from '../repo/stored-record';
import { getTicket } from '../repo/tickets';

const ParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();

/**
 * GET /v1/tickets/:id — one ticket with its log (a deep link to a ticket not
 * synced yet). A damaged row answers 500 damaged_record naming the field: a
 * ticket without part of its log would show wrong clocks.
 */
export function ticketRoutes(app: FastifyInstance, db: Db, damaged: DamagedSink): void {
  app.get('/v1/tickets/:id', async (request): Promise<{ ticket: Ticket; events: StoredEvent[] }> => {
    const agent = requireAgent(request);
    const { id } = parseWith(ParamsSchema, request.params, 'ticket');
    try {
      const ticket = await getTicket(db, id);
      // Invisible and missing look the same: no probing for other groups' tickets.
      if (!ticket || !canReadTicket(agent, ticket)) throw new HttpError(404, 'not_found', 'no such ticket');
      return { ticket, events: await eventsOfTicket(db, id) };
    } catch (error) {
      if (error instanceof DamagedRecordError) damaged(error);
      throw error;
    }
  });
}
