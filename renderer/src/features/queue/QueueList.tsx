import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TicketRecord } from '../../db/ticket-record';
import { TicketRow } from './TicketRow';

export const ROW_HEIGHT = 56;

type Props = {
  tickets: readonly TicketRecord[];
  meId: string;
  label: string;
  /** Ticket number to scroll to and highlight (opened from a notification or link). */
  highlight?: string | null | undefined;
};

const HEADERS = ['Ticket', 'Summary', 'Priority', 'Tier · group', 'Owner', 'Response', 'Resolution'];

/** Virtualised queue: only the rows in view (plus a small overscan) are mounted. */
export function QueueList({ tickets, meId, label, highlight }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => tickets[index]?.id ?? index,
  });
  const highlightIndex = highlight ? tickets.findIndex((t) => t.number === highlight) : -1;

  useEffect(() => {
    if (highlightIndex >= 0) virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
  }, [highlightIndex, virtualizer]);

  return (
    <div role="table" aria-label={label} aria-rowcount={tickets.length + 1} className="queue-table">
      <div role="rowgroup" className="queue-head">
        <div role="row" aria-rowindex={1} className="queue-row queue-row--head">
          {HEADERS.map((h) => (
            <span role="columnheader" key={h} className="cell">
              {h}
            </span>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="queue-scroll" tabIndex={0} aria-label={`${label} rows`}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const ticket = tickets[item.index]!;
            return (
              <div
                key={item.key}
                className="queue-row-slot"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
              >
                <TicketRow ticket={ticket} meId={meId} rowIndex={item.index + 2} highlighted={item.index === highlightIndex} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
