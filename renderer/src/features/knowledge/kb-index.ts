import MiniSearch from 'minisearch';
import type { KbArticle } from '../../../../shared/model/kb-article';

export type KbHit = { id: string; title: string; category: string; score: number };

/**
 * Full-text index of the knowledge base (title, body, category), built in
 * memory from the kb table: the articles are synced into IndexedDB, so
 * suggestions work offline with whatever was last synced.
 */
export function buildKbIndex(articles: readonly KbArticle[]): MiniSearch<KbArticle> {
  const index = new MiniSearch<KbArticle>({
    fields: ['title', 'body', 'category', 'tags'],
    storeFields: ['title', 'category'],
    extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : String(doc[field as keyof KbArticle] ?? '')),
    searchOptions: { boost: { title: 3, tags: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  index.addAll(articles);
  return index;
}

/** Articles for a ticket: its title, service and category as the query, articles of the same category first. */
export function suggestFor(index: MiniSearch<KbArticle>, ticket: { title: string; service: string; category: string; description: string }, limit = 5): KbHit[] {
  const query = [ticket.title, ticket.service, ticket.description.slice(0, 200)].join(' ');
  return search(index, query, limit, ticket.category);
}

export function search(index: MiniSearch<KbArticle>, query: string, limit = 8, category?: string): KbHit[] {
  if (!query.trim()) return [];
  return index
    .search(query, { boostDocument: (_id, _term, stored) => (category && stored?.category === category ? 2 : 1) })
    .slice(0, limit)
    .map((r) => ({ id: String(r.id), title: String(r.title), category: String(r.category), score: r.score }));
}
