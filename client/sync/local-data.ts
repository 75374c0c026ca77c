// Everything that needs RxDB and Dexie, gathered behind one dynamic import: together they are the
// largest part of the handheld's code, and sign-in and the first paint need none of it.
export { openDatabase } from '../db/database';
export { openLotStore } from '../db/lot-store';
export { startSync } from './engine';
export { claimPreviousEnrolment } from './previous-enrolment';
