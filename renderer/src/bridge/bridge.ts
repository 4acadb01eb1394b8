import type { TierdeskBridge } from '../../../shared/ipc/contract';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    tierdesk?: TierdeskBridge;
  }
}

let bridge: TierdeskBridge | undefined;

/** The desktop bridge when running in Electron, the web fallback otherwise. */
export function getBridge(): TierdeskBridge {
  bridge ??= window.tierdesk ?? createWebBridge();
  return bridge;
}
