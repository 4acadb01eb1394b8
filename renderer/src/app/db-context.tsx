import { createContext, useContext, type ReactNode } from 'react';
import { db as defaultDb, type TierdeskDb } from '../db/db';

/** The local database, for components deep in the tree (tests pass their own). */
const DbContext = createContext<TierdeskDb>(defaultDb);

export function DbProvider({ db, children }: { db: TierdeskDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): TierdeskDb {
  return useContext(DbContext);
}
