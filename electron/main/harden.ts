import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './security';

export type OpenExternal = (url: string) => Promise<void>;

/** Blocks navigation away from the app, new windows and webviews; safe https links go to the OS browser. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request (camera, geolocation, …) except notifications from our own pages. */
export function denyPermissions(session: Session, isAppOrigin: (url: string) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'notifications' && isAppOrigin(contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permission === 'notifications' && isAppOrigin(requestingOrigin),
  );
}
