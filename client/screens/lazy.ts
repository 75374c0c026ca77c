import { lazy } from 'react';

// Each working screen is a chunk of its own, loaded when it is first opened: they carry the GS1
// table, the op schemas and the pick and recall logic, none of which sign-in or home needs. The
// service worker precaches every chunk, so an offline handheld opens them all the same.
export const ReceiveScreen = lazy(() => import('./ReceiveScreen').then((m) => ({ default: m.ReceiveScreen })));
export const MoveScreen = lazy(() => import('./MoveScreen').then((m) => ({ default: m.MoveScreen })));
export const PickScreen = lazy(() => import('./PickScreen').then((m) => ({ default: m.PickScreen })));
export const ProduceScreen = lazy(() => import('./ProduceScreen').then((m) => ({ default: m.ProduceScreen })));
export const ShipScreen = lazy(() => import('./ShipScreen').then((m) => ({ default: m.ShipScreen })));
export const CountScreen = lazy(() => import('./CountScreen').then((m) => ({ default: m.CountScreen })));
export const LotLookupScreen = lazy(() => import('./LotLookupScreen').then((m) => ({ default: m.LotLookupScreen })));
export const SettingsScreen = lazy(() => import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
