import { setWatched, useWatched } from './watch-list';

/** Watch a ticket to get its SLA alerts without owning it. */
export function WatchToggle({ ticketId, ticketNumber }: { ticketId: string; ticketNumber: string }) {
  const watching = useWatched().has(ticketId);
  return (
    <button
      type="button"
      className={`watch${watching ? ' watch--on' : ''}`}
      aria-pressed={watching}
      aria-label={watching ? `Stop watching ${ticketNumber}` : `Watch ${ticketNumber} for SLA alerts and notes`}
      title={watching ? 'Watching: you get its SLA alerts, and news when someone writes a note on it, resolves it or reopens it' : 'Watch for SLA alerts, notes and its resolution'}
      onClick={(event) => {
        event.stopPropagation();
        setWatched(ticketId, !watching);
      }}
    >
      {watching ? '◉' : '○'}
    </button>
  );
}
