export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'tierdesk.theme';

/** The chosen theme ("system" follows the OS); a per-computer preference, so localStorage rather than the synced database. */
export function storedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(KEY);
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

export function applyTheme(theme: Theme): void {
  globalThis.localStorage?.setItem(KEY, theme);
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
