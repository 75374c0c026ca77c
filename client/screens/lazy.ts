import { lazy } from 'react';

// Each working screen is a chunk of its own, loaded when it is first opened: they carry the GS1
// table, the op schemas and the pick and recall logic, none of which sign-in or home needs. The
// service worker precaches every chunk, so an offline handheld opens them all the same.
const CHUNKS = {
  receive: () => import('./ReceiveScreen'),
  move: () => import('./MoveScreen'),
  pick: () => import('./PickScreen'),
  produce: () => import('./ProduceScreen'),
  ship: () => import('./ShipScreen'),
  pack: () => import('./PackScreen'),
  count: () => import('./CountScreen'),
  lookup: () => import('./LotLookupScreen'),
  settings: () => import('./SettingsScreen'),
};

export const ReceiveScreen = lazy(() => CHUNKS.receive().then((m) => ({ default: m.ReceiveScreen })));
export const MoveScreen = lazy(() => CHUNKS.move().then((m) => ({ default: m.MoveScreen })));
export const PickScreen = lazy(() => CHUNKS.pick().then((m) => ({ default: m.PickScreen })));
export const ProduceScreen = lazy(() => CHUNKS.produce().then((m) => ({ default: m.ProduceScreen })));
export const ShipScreen = lazy(() => CHUNKS.ship().then((m) => ({ default: m.ShipScreen })));
export const PackScreen = lazy(() => CHUNKS.pack().then((m) => ({ default: m.PackScreen })));
export const CountScreen = lazy(() => CHUNKS.count().then((m) => ({ default: m.CountScreen })));
export const LotLookupScreen = lazy(() => CHUNKS.lookup().then((m) => ({ default: m.LotLookupScreen })));
export const SettingsScreen = lazy(() => CHUNKS.settings().then((m) => ({ default: m.SettingsScreen })));

/**
 * Once the handheld is idle after its first paint, every screen's chunk is fetched in the
 * background, one after the other so that none holds the main thread for long. Until its service
 * worker has taken over (the first minute of a first visit) the precache cannot answer, and a clerk
 * who walks out of Wi-Fi then must still open every screen. Returns a cancel for an unmount before.
 */
export function preloadScreensWhenIdle(): () => void {
  let cancelled = false;
  const preload = async () => {
    for (const load of Object.values(CHUNKS)) {
      if (cancelled) return;
      await load().catch(() => undefined);
    }
  };
  const start = () => void preload();
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(start, { timeout: 5000 });
    return () => {
      cancelled = true;
      cancelIdleCallback(id);
    };
  }
  const id = setTimeout(start, 1000);
  return () => {
    cancelled = true;
    clearTimeout(id);
  };
}
