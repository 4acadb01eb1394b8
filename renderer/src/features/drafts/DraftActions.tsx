import type { ReactNode } from 'react';
import type { Draft } from './use-draft';
import { DraftStatus } from './DraftStatus';

/** The footer of a dialog that keeps a draft: what is saved, Cancel (the draft stays) and the action itself. */
export function DraftActions({
  draft,
  onCancel,
  submit,
  cancel = 'Cancel',
  disabled = false,
}: {
  draft: Pick<Draft<unknown>, 'savedAt' | 'restored'>;
  onCancel(): void;
  submit: ReactNode;
  cancel?: string;
  disabled?: boolean;
}) {
  return (
    <div className="modal-actions">
      <DraftStatus savedAt={draft.savedAt} restored={draft.restored} />
      <button type="button" onClick={onCancel}>
        {cancel}
      </button>
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
    </div>
  );
}
