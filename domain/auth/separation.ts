import type { Role } from './roles';

/** Roles whose holders put an electronic signature on records: QC decisions and supervisors' holds. */
export const SIGNING_ROLES: readonly Role[] = ['qc', 'supervisor'];

/** The signing roles a change of roles adds; a grant of any of them needs a reason on the record. */
export function signingRolesGranted(before: readonly Role[], after: readonly Role[]): Role[] {
  return after.filter((role) => SIGNING_ROLES.includes(role) && !before.includes(role));
}
