import type { HandoffNote } from '../../../../shared/handoff/handoff-note';
import type { KbArticle } from '../../../../shared/model/kb-article';

/** A handoff as the structured note it is: steps with outcomes, impact, workaround, people, what the next tier needs, KB checked. */
export function HandoffNoteView({ note, kb }: { note: Partial<HandoffNote>; kb: ReadonlyMap<string, KbArticle> }) {
  return (
    <div className="handoff-note">
      {note.steps && note.steps.length > 0 && (
        <table className="handoff-steps">
          <caption>Steps tried</caption>
          <thead>
            <tr>
              <th scope="col">Tried</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {note.steps.map((s, i) => (
              <tr key={i}>
                <td>{s.action}</td>
                <td>{s.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="handoff-fields">
        <dt>Business impact</dt>
        <dd>{note.businessImpact}</dd>
        <dt>Workaround</dt>
        <dd>{note.workaround}</dd>
        <dt>Involved</dt>
        <dd>{note.involved?.join(', ')}</dd>
        <dt>Next tier needs</dt>
        <dd>{note.nextTierNeeds}</dd>
        {note.kbArticlesChecked && note.kbArticlesChecked.length > 0 && (
          <>
            <dt>Knowledge checked</dt>
            <dd>{note.kbArticlesChecked.map((id) => kb.get(id)?.title ?? id).join('; ')}</dd>
          </>
        )}
        <dt>Confirmed as</dt>
        <dd>
          {note.category} · {note.priority}
        </dd>
      </dl>
    </div>
  );
}
