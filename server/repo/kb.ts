import { parseKbArticle, type KbArticle } from '../../shared/model/kb-article';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';
import { failOnDamaged, readStoredOr, type DamagedSink } from './stored-record';

export async function putKbArticles(trx: Db, articles: readonly KbArticle[]): Promise<void> {
  for (const article of articles) {
    const row = { id: article.id, updated_at: article.updatedAt, data: JSON.stringify(article) };
    await trx
      .insertInto('kb_articles')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: row.updated_at, data: row.data }))
      .execute();
  }
  await recordChanges(
    trx,
    articles.map((a) => ({ kind: 'kb', entityId: a.id })),
  );
}

/** Articles by id; a damaged row goes to `damaged` (throws by default) and is left out. */
export async function getKbArticles(db: Db, ids: readonly string[], damaged: DamagedSink = failOnDamaged): Promise<Map<string, KbArticle>> {
  const out = new Map<string, KbArticle>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('kb_articles').select(['id', 'data']).where('id', 'in', [...ids]).execute();
  for (const row of rows) {
    const article = readStoredOr(damaged, 'kb_articles', row.id, null, row.data, parseKbArticle);
    if (article) out.set(row.id, article);
  }
  return out;
}
