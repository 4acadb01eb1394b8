import { useLiveQuery } from 'dexie-react-hooks';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import { useMinute } from '../../time/use-minute';
import { useForecastRisk } from './forecast/forecast-store';
import { viewCounts, type ViewCounts } from './query/view-counts';

/** Live counts for the navigation: re-counted when tickets change and each minute (at risk / breached move with time). */
export function useViewCounts(db: TierdeskDb, agent: Agent, groups: readonly Group[]): ViewCounts {
  const nowMs = useMinute();
  const forecastRisk = useForecastRisk();
  return useLiveQuery(() => viewCounts(db, { agent, groups, nowMs, forecastRisk }), [db, agent, groups, nowMs, forecastRisk]) ?? {};
}
