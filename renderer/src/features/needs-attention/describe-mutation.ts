import type { MutationName } from '../../../../shared/mutations/mutations';
import type { ActionKind } from '../actions/action-slice';

const LABEL: Record<MutationName, string> = {
  createTicket: 'Create ticket',
  updateFields: 'Edit fields',
  addWorkNote: 'Work note',
  acceptTicket: 'Accept',
  assignTicket: 'Assign to someone',
  escalateFunctional: 'Escalate to another tier',
  requestTierSkip: 'Ask a lead to approve a tier skip',
  decideTierSkip: 'Decide on a tier skip',
  escalateHierarchical: 'Escalate to management',
  pauseClock: 'Pause clock',
  resumeClock: 'Resume clock',
  resolve: 'Resolve',
  reopen: 'Reopen',
  createKbArticle: 'Knowledge article',
  markKbArticle: 'Mark knowledge article',
};

/** The dialog that edits a refused action of this kind (the ones with text to fix). */
export const EDIT_DIALOG: Partial<Record<MutationName, ActionKind>> = {
  addWorkNote: 'note',
  assignTicket: 'assign',
  escalateFunctional: 'handoff',
  requestTierSkip: 'handoff',
  escalateHierarchical: 'hierarchical',
  pauseClock: 'pause',
  resolve: 'resolve',
  reopen: 'reopen',
  updateFields: 'edit',
};

export function mutationLabel(name: string): string {
  return LABEL[name as MutationName] ?? name;
}

/** The words the agent typed, shortened for the list: the full args stay in the row and in the dialog. */
export function typedText(name: string, args: unknown): string {
  const text = fullText(name, (args ?? {}) as Record<string, unknown>);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function fullText(name: string, a: Record<string, unknown>): string {
  if (name === 'escalateFunctional' || name === 'requestTierSkip') {
    const note = a.handoffNote as { nextTierNeeds?: string; businessImpact?: string } | undefined;
    return `To ${String(a.toTier)}: ${note?.nextTierNeeds || note?.businessImpact || '(no text yet)'}`;
  }
  if (name === 'decideTierSkip') return `${String(a.decision)}${a.reason ? `: ${String(a.reason)}` : ''}`;
  if (name === 'updateFields' && a.fields && typeof a.fields === 'object') {
    return Object.entries(a.fields as Record<string, unknown>)
      .map(([field, value]) => `${field}: ${String(value)}`)
      .join('; ');
  }
  return String(a.body ?? a.reason ?? a.resolution ?? a.title ?? '');
}
