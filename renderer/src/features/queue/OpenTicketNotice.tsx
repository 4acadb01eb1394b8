import { useAppStore } from '../../app/store';

/** A requested ticket that is not here yet: says so instead of silently doing nothing. */
export function OpenTicketNotice() {
  const number = useAppStore((s) => s.openTicketNumber);
  const dismiss = useAppStore((s) => s.ticketNumberResolved);
  if (!number) return null;
  return (
    <p className="notice" role="status">
      {number} is not on this computer yet (not synced, or not visible to you). It opens as soon as a sync brings it.{' '}
      <button type="button" className="link" onClick={dismiss}>
        Never mind
      </button>
    </p>
  );
}
