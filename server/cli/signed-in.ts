import type { Role } from '../../domain/auth';
import { login, resolveSession, revokeSession, type Session } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import { UsageError } from './args';
import type { CliIo } from './io';
import { credentialsFrom } from './remote';

export interface SignInRule {
  /** Said when no --user was given: what needs a person, and which person. */
  needsUser: string;
  /** Any one of these roles will do. */
  roles: readonly Role[];
  /** Said when the person signed in holds none of them. */
  refusal: string;
}

/**
 * Acts on the database itself as a person signed in, as on the console, so the audit names who
 * did it: --user NAME, the password from LOTLINE_PASSWORD or asked on the terminal. The session
 * lasts for this one act and is signed out after it, whatever happens.
 */
export async function asSignedIn<T>(db: Db, user: string | undefined, io: CliIo, rule: SignInRule, act: (session: Session) => Promise<T>): Promise<T> {
  const credentials = credentialsFrom(process.env, user);
  if (!credentials.user) throw new UsageError(rule.needsUser);
  let password = credentials.password;
  if (password === undefined) {
    io.err(`Password for ${credentials.user}: `);
    for await (const line of io.lines()) {
      password = line;
      break;
    }
  }
  const signedIn = await login(db, { username: credentials.user, password: password ?? '', client: 'cli' }, 1);
  try {
    const found = await resolveSession(db, signedIn.token);
    if (found.status !== 'valid') throw new AppError(401, 'unauthenticated', 'Sign in first.');
    if (!found.session.user.roles.some((role) => rule.roles.includes(role))) throw new AppError(403, 'forbidden', rule.refusal);
    return await act(found.session);
  } finally {
    await revokeSession(db, signedIn.token);
  }
}
