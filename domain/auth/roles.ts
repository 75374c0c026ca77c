/** Who may do what is decided by role; a user may hold several. */
export const ROLES = ['operator', 'qc', 'supervisor', 'labeladmin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
