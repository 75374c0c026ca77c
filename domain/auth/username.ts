/** What a user name may be (the users table checks the same): anything else cannot be an account. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function canBeUsername(name: string): boolean {
  return USERNAME_PATTERN.test(name);
}
