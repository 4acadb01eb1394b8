import { useEffect } from 'react';
import type { Agent, Group } from '../../../../../shared/model/agent';
import { getActivePolicy } from '../../../app/policy';
import type { TierdeskDb } from '../../../db/db';
import { serverNow } from '../../../time/ticker';
import { scopeGroups } from '../views';
import { forecastSweep } from './forecast-sweep';
import { setForecastRisk } from './forecast-store';

/** First run after the workspace settles, then every few minutes: history changes slowly, and the sweep reads many records. */
const FIRST_RUN_MS = 8_000;
const EVERY_MS = 5 * 60_000;

/** Keeps the forecast part of At risk fresh for the agent's groups, in the background. */
export function useForecastSweep(db: TierdeskDb, agent: Agent, groups: readonly Group[]): void {
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const scope = scopeGroups(agent, groups);
    const runOnce = async () => {
      const { policy, calendars } = getActivePolicy();
      const now = serverNow();
      try {
        const ids = await forecastSweep(db, scope, policy, calendars, now, controller.signal);
        if (ids) setForecastRisk(ids, now);
      } catch (error) {
        // A sweep that fails (database closed, upgrade) leaves the last answer; the next run retries.
        console.warn('forecast sweep failed', error);
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void runOnce(), EVERY_MS);
    };
    timer = setTimeout(() => void runOnce(), FIRST_RUN_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [db, agent, groups]);
}
