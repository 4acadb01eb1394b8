import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { TicketRecord } from '../../db/ticket-record';
import { useDb } from '../../app/db-context';
import { TicketRow } from './TicketRow';
import { useTicketWindow } from './use-ticket-window';

export const ROW_HEIGHT = 56;

type Props = {
  /** Every id of the list in order (undefined while loading: `head` is shown meanwhile). */
  ids: readonly string[] | undefined;
  head?: readonly TicketRecord[] | undefined;
  meId: string;
  label: string;
  agents: ReadonlyMap<string, Agent>;
  groups: readonly Group[];
  selectedId: string | null;
  acceptanceColumn?: boolean;
  onOpen(id: string): void;
};

const HEADERS = ['Ticket', 'Summary', 'Priority', 'Tier · group', 'Owner', 'Response', 'Resolution'];

/**
 * Virtualised queue: only the rows in view (plus a small overscan) are
 * mounted, and only their records are read (in blocks, live), so a 100k
 * list costs its id array and ~30 rows.
 */
export function QueueList({ ids, head, meId, label, agents, groups, selectedId, acceptanceColumn = false, onOpen }: Props) {
  const db = useDb();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = ids?.length ?? head?.length ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => ids?.[index] ?? head?.[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const records = useTicketWindow(db, ids, items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0);
  const headById = useMemo(() => new Map(head?.map((t) => [t.id, t])), [head]);
  const groupById = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  const selectedIndex = selectedId && ids ? ids.indexOf(selectedId) : -1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const headers = acceptanceColumn ? HEADERS.map((h) => (h === 'Response' ? 'Accept within' : h)) : HEADERS;
  return (
    <div role="table" aria-label={label} aria-rowcount={count + 1} className="queue-table">
      <div role="rowgroup" className="queue-head">
        <div role="row" aria-rowindex={1} className="queue-row queue-row--head">
          {headers.map((h) => (
            <span role="columnheader" key={h} className="cell">
              {h}
            </span>
          ))}
        </div>
      </div>
      {/* The scrolling element is the rowgroup itself: a table may own only rowgroups and rows. */}
      <div ref={scrollRef} role="rowgroup" className="queue-scroll" tabIndex={0} aria-label={`${label} rows`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids?.[item.index] ?? head?.[item.index]?.id;
            const ticket = id ? (records.get(id) ?? headById.get(id)) : undefined;
            return (
              <div
                key={item.key}
                className="queue-row-slot"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {ticket ? (
                  <TicketRow
                    ticket={ticket}
                    meId={meId}
                    rowIndex={item.index + 2}
                    selected={ticket.id === selectedId}
                    agents={agents}
                    groups={groupById}
                    acceptanceColumn={acceptanceColumn}
                    onOpen={onOpen}
                  />
                ) : (
                  <div role="row" aria-rowindex={item.index + 2} className="queue-row queue-row--loading" aria-busy="true">
                    <span role="cell" className="cell">
                      Loading…
                    </span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
