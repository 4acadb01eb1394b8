import { useEffect, useState } from 'react';

/** After this long, the splash says why a start can take a while. */
export const SLOW_START_MS = 2000;

/**
 * What the window shows while the local desk opens. The first start after an
 * update that changes how the desk is stored moves it once (db.ts: about
 * 15 s for 100k tickets on a slow machine); a splash that only says
 * "Opening" for that long looks hung, so after a moment it says so.
 */
export function OpeningSplash() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="splash" role="status">
      <p>Opening Tierdesk…</p>
      {slow && <p>Still opening. The first start after an update may reorganize the tickets kept on this computer, once; on a large desk that takes up to a minute. Nothing is lost meanwhile.</p>}
    </div>
  );
}
