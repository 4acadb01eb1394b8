import { useAppStore } from '../../app/store';
import { useDb } from '../../app/db-context';
import { HandoffDialog } from '../handoff/HandoffDialog';
import { ArticleDialog } from '../knowledge/ArticleDialog';
import { useTicket } from '../ticket/use-ticket';
import { AssignDialog } from './AssignDialog';
import { EditFieldsDialog } from './EditFieldsDialog';
import { HierarchicalDialog } from './HierarchicalDialog';
import { NoteDialog } from './NoteDialog';
import { PauseDialog } from './PauseDialog';
import { ReopenDialog } from './ReopenDialog';
import { ResolveDialog } from './ResolveDialog';

/** The one action dialog open at a time (from a button, a shortcut, the palette or Needs attention → Edit). */
export function ActionDialogs() {
  const db = useDb();
  const action = useAppStore((s) => s.action);
  const close = useAppStore((s) => s.closeAction);
  const articleId = useAppStore((s) => s.articleId);
  const detailId = useAppStore((s) => s.detailId);
  const openArticle = useAppStore((s) => s.openArticle);
  const ticket = useTicket(db, action?.ticketId ?? null);

  if (articleId && !action) return <ArticleDialog articleId={articleId} ticketId={detailId} onClose={() => openArticle(null)} />;
  if (!action || !ticket) return null;
  const props = { ticket, refused: action.refused, onClose: close };
  // Keyed by ticket and refused row: another ticket's dialog starts from its own draft.
  const key = `${action.kind}:${ticket.id}:${action.refused?.id ?? ''}`;
  switch (action.kind) {
    case 'note':
      return <NoteDialog key={key} {...props} />;
    case 'handoff':
      return <HandoffDialog key={key} {...props} direction="up" />;
    case 'return':
      return <HandoffDialog key={key} {...props} direction="down" />;
    case 'hierarchical':
      return <HierarchicalDialog key={key} {...props} />;
    case 'pause':
      return <PauseDialog key={key} {...props} />;
    case 'resolve':
      return <ResolveDialog key={key} {...props} />;
    case 'reopen':
      return <ReopenDialog key={key} {...props} />;
    case 'edit':
      return <EditFieldsDialog key={key} {...props} />;
    case 'assign':
      return <AssignDialog key={key} {...props} />;
  }
}
