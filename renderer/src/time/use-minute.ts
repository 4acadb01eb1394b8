import { useEffect, useState } from 'react';
import { serverNow } from './ticker';

const MINUTE = 60_000;
const floorMinute = () => Math.floor(serverNow() / MINUTE) * MINUTE;

/**
 * Server-corrected time, changing once a minute: for queries whose answer
 * moves with the clock (who is at risk / breached now). Re-running those
 * every second would re-read indexes for a change nobody can see.
 */
export function useMinute(): number {
  const [minute, setMinute] = useState(floorMinute);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        setMinute(floorMinute());
        schedule();
      }, MINUTE - (serverNow() % MINUTE) + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return minute;
}
