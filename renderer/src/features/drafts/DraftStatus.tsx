import { formatClockTime } from '../../time/format';

/** "Draft saved 14:02:31": the agent can see that what they typed is on disk. */
export function DraftStatus({ savedAt, restored }: { savedAt: number | null; restored: boolean }) {
  return (
    <span className="draft-status" aria-live="polite">
      {restored ? 'Draft restored. ' : ''}
      {savedAt !== null ? `Draft saved ${formatClockTime(savedAt)}` : ''}
    </span>
  );
}
