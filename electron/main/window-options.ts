import type { BrowserWindowConstructorOptions } from 'electron';

/** Every window Tierdesk opens uses these web preferences (Electron's security checklist). */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Middle-click would open links in new windows; they are denied anyway, this stops the event at the source.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Tierdesk',
    show: false,
    backgroundColor: '#14171b',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
