import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import { getBridge } from '../../bridge/bridge';

/** Tickets opened from outside (notification click, tierdesk:// link, tray menu) select themselves in the queue. */
export function useOpenTicket(): void {
  useEffect(() => getBridge().onOpenTicket(({ ticketNumber }) => useAppStore.getState().openTicket(ticketNumber)), []);
}
