import type { MenuItemConstructorOptions } from 'electron';

export type TrayActions = { open(): void; quit(): void };

/** Tooltip and menu for the tray: the at-risk count is what an agent glances at. */
export function trayTooltip(atRisk: number): string {
  if (atRisk === 0) return 'Tierdesk: nothing at risk';
  return `Tierdesk: ${atRisk} ticket${atRisk === 1 ? '' : 's'} at risk of breaching`;
}

export function trayMenuTemplate(atRisk: number, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: atRisk === 0 ? 'Nothing at risk' : `${atRisk} at risk`, enabled: false },
    { type: 'separator' },
    { label: 'Open Tierdesk', click: actions.open },
    { label: 'Quit', click: actions.quit },
  ];
}
