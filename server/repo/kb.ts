import { parseKbArticle, type KbArticle } from '../../shared/model/kb-article';
import { recordChanges } from '../db/changes';
import type { Db } from '../db/open-database';

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

export async function getKbArticles(db: Db, ids: readonly string[]): Promise<Map<string, KbArticle>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('kb_articles').select(['id', 'data']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, parseKbArticle(JSON.parse(r.data))]));
}
