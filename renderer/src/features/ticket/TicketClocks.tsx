import type { StoredEvent } from '../../../../shared/model/stored-event';
import type { TicketRecord } from '../../db/ticket-record';
import { useNow } from '../../time/ticker';
import { Countdown } from '../queue/Countdown';
import { useClocks } from './use-ticket';
import { WhyPanel } from './WhyPanel';

/**
 * The ticket's countdowns and the "why" of each clock. The why is
 * recomputed from the log with the ticker (each second): a ticket's log is
 * short, and the panel then never disagrees with the countdown above it.
 */
export function TicketClocks({ ticket, events }: { ticket: TicketRecord; events: readonly StoredEvent[] | undefined }) {
  const now = useNow();
  const clocks = useClocks(events, now);
  return (
    <>
      <div className="detail-clocks">
        <span>
          Response <Countdown kind="response" clock={ticket.sla.response} />
        </span>
        <span>
          Resolution <Countdown kind="resolution" clock={ticket.sla.resolution} />
        </span>
        {ticket.sla.acceptance && (
          <span>
            Accept within <Countdown kind="acceptance" clock={ticket.sla.acceptance} />
          </span>
        )}
      </div>
      {clocks && <WhyPanel clocks={clocks} nowMs={now} />}
    </>
  );
}
