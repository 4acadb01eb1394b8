import { useLiveQuery } from 'dexie-react-hooks';
import type MiniSearch from 'minisearch';
import { useMemo } from 'react';
import type { KbArticle } from '../../../../shared/model/kb-article';
import type { TierdeskDb } from '../../db/db';
import { buildKbIndex } from './kb-index';

export type KbData = { articles: ReadonlyMap<string, KbArticle>; index: MiniSearch<KbArticle> };

/** The knowledge base from IndexedDB and its search index, rebuilt when an article is synced or written. */
export function useKb(db: TierdeskDb): KbData | undefined {
  const articles = useLiveQuery(() => db.kb.toArray(), [db]);
  return useMemo(() => (articles ? { articles: new Map(articles.map((a) => [a.id, a])), index: buildKbIndex(articles) } : undefined), [articles]);
}
