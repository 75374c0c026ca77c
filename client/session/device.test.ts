import { describe, expect, it } from 'vitest';
import { reEnrolled, type DeviceEnrolment } from './device';

const OLD = `dev_${'o'.repeat(43)}`;
const NEW = `dev_${'n'.repeat(43)}`;
const OLDER = `dev_${'e'.repeat(43)}`;

describe('reEnrolled', () => {
  it.each<[string, DeviceEnrolment | null, DeviceEnrolment]>([
    ['a handheld enrolled for the first time has nothing to carry', null, { token: NEW }],
    ['an enrolment the handheld signed in with becomes the previous one', { token: OLD, id: 'a1' }, { token: NEW, previous: { token: OLD, id: 'a1' } }],
    ['one it never signed in with carried no ops, and is dropped', { token: OLD }, { token: NEW }],
    ['which passes on the previous enrolment still to be claimed', { token: OLD, previous: { token: OLDER, id: 'e1' } }, { token: NEW, previous: { token: OLDER, id: 'e1' } }],
    ['the same token again changes nothing', { token: NEW, id: 'n1', previous: { token: OLD, id: 'a1' } }, { token: NEW, id: 'n1', previous: { token: OLD, id: 'a1' } }],
  ])('%s', (_case, current, next) => {
    expect(reEnrolled(current, NEW)).toEqual(next);
  });
});
