import { isValidGln } from '../../domain/gs1';
import { API_SCOPES, isApiScope, type ApiScope } from '../../domain/integration';
import { UUID_TEXT } from '../../domain/text';
import { AppError } from '../errors';
import { actorOf } from '../http/env';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey, type ApiKeyView } from '../integration';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';
import { closeTarget, openTarget, type Target } from './open-db';
import { RemoteError } from './remote';
import { asSignedIn } from './signed-in';

export const usage = `usage: lotline apikey create <integration> --scopes <scope,scope...> [--partner-gln GLN] --user NAME [--json] [--url URL]
       lotline apikey list [--json] [--url URL] [--user NAME]
       lotline apikey rotate <key id> [--grace-minutes N] --user NAME [--json] [--url URL]
       lotline apikey revoke <key id> --reason TEXT --user NAME [--url URL]
  API keys for an ERP or MES calling /api/integration. A new key's secret is printed once;
  only its hash is kept. Rotation keeps the old key working for --grace-minutes (default 1440;
  0 ends it at once). Scopes: ${API_SCOPES.join(', ')}.
  --partner-gln binds a trading partner's key to its GLN: its EPCIS queries see only the events
  shipped to that GLN.
  Keys are managed by an admin: --user NAME signs in (password from LOTLINE_PASSWORD or asked);
  against a running server, --url URL (or LOTLINE_URL) with LOTLINE_TOKEN or --user.
`;

type Request =
  | { what: 'create'; integration: string; scopes: ApiScope[]; partnerGln: string | null }
  | { what: 'list' }
  | { what: 'rotate'; id: string; graceMinutes: number }
  | { what: 'revoke'; id: string; reason: string };

function parseRequest(args: readonly string[]): { request: Request; json: boolean; url: string | undefined; user: string | undefined } {
  const parsed = parseArgs(args, { values: ['scopes', 'partner-gln', 'grace-minutes', 'reason', 'url', 'user'], booleans: ['json'] });
  const [what, subject, ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
  const common = { json: parsed.flags.has('json'), url: stringFlag(parsed, 'url'), user: stringFlag(parsed, 'user') };
  const keyId = () => {
    if (!subject || !UUID_TEXT.test(subject)) throw new UsageError(`${what} needs the key's id (a UUID, as 'lotline apikey list' shows it)`);
    return subject;
  };
  switch (what) {
    case 'create': {
      if (!subject || !/^[a-z0-9][a-z0-9._-]{1,39}$/.test(subject)) throw new UsageError('create needs the integration name: 2-40 lower-case letters, digits and . _ -');
      const scopes = (stringFlag(parsed, 'scopes') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (scopes.length === 0) throw new UsageError('create needs --scopes');
      const unknown = scopes.filter((s) => !isApiScope(s));
      if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(', ')}; the scopes are ${API_SCOPES.join(', ')}`);
      const partnerGln = stringFlag(parsed, 'partner-gln')?.trim() ?? null;
      if (partnerGln !== null && !isValidGln(partnerGln)) throw new UsageError(`--partner-gln ${JSON.stringify(partnerGln)} is not a GLN: 13 digits with a correct check digit`);
      return { ...common, request: { what, integration: subject, scopes: scopes.filter(isApiScope), partnerGln } };
    }
    case 'list':
      if (subject) throw new UsageError(`unexpected ${subject}`);
      return { ...common, request: { what } };
    case 'rotate': {
      const grace = stringFlag(parsed, 'grace-minutes') ?? '1440';
      if (!/^\d{1,5}$/.test(grace) || Number(grace) > 7 * 24 * 60) throw new UsageError('--grace-minutes must be a whole number of minutes from 0 to 10080');
      return { ...common, request: { what, id: keyId(), graceMinutes: Number(grace) } };
    }
    case 'revoke': {
      const reason = stringFlag(parsed, 'reason')?.trim();
      if (!reason) throw new UsageError('revoke needs --reason');
      return { ...common, request: { what, id: keyId(), reason } };
    }
    default:
      throw new UsageError(what ? `unknown action '${what}'` : 'which action: create, list, rotate or revoke?');
  }
}

function describeKey(k: ApiKeyView): string {
  const state = k.state === 'expiring' ? `ends ${k.expiresAt}` : k.state;
  return `${k.id}  ${k.integration.padEnd(16)} ${k.prefix}...  ${state.padEnd(12)} ${k.scopes.join(',')}${k.partnerGln ? `  partner GLN ${k.partnerGln}` : ''}  last write ${k.lastUsedAt ?? 'never'}`;
}

/** The same act on the database under a signed-in admin, or through a running server. */
async function answer(target: Target, request: Request, user: string | undefined, io: CliIo): Promise<{ value: unknown; text: string }> {
  if (target.kind === 'remote') {
    const remote = target.remote;
    switch (request.what) {
      case 'create':
        return issued(await remote.json<Issued>('POST', '/api/api-keys', { integration: request.integration, scopes: request.scopes, partnerGln: request.partnerGln }));
      case 'list':
        return listed((await remote.json<{ keys: ApiKeyView[] }>('GET', '/api/api-keys')).keys);
      case 'rotate':
        return issued(await remote.json<Issued & { replaced: ApiKeyView }>('POST', `/api/api-keys/${request.id}/rotate`, { graceMinutes: request.graceMinutes }));
      case 'revoke':
        return revoked(await remote.json<ApiKeyView>('POST', `/api/api-keys/${request.id}/revoke`, { reason: request.reason }));
    }
  }
  const db = target.db;
  if (request.what === 'list') return listed(await listApiKeys(db));
  return asSignedIn(db, user, io, { needsUser: 'API keys are managed by an admin: give --user NAME', roles: ['admin'], refusal: 'Only an admin manages API keys.' }, async (session) => {
    const actor = { ...actorOf(session), id: session.user.id };
    switch (request.what) {
      case 'create':
        return issued(await createApiKey(db, actor, { integration: request.integration, scopes: request.scopes, partnerGln: request.partnerGln }));
      case 'rotate':
        return issued(await rotateApiKey(db, actor, request.id, request.graceMinutes));
      case 'revoke':
        return revoked(await revokeApiKey(db, actor, request.id, request.reason));
    }
  });
}

type Issued = { key: ApiKeyView; secret: string; replaced?: ApiKeyView };

function issued(made: Issued) {
  const old = made.replaced ? `old: ${describeKey(made.replaced)}\nnew: ` : '';
  return { value: made, text: `${old}${describeKey(made.key)}\n\nAPI key (shown this once; send as X-Api-Key or Authorization: Bearer):\n${made.secret}\n` };
}

const listed = (keys: ApiKeyView[]) => ({ value: { keys }, text: keys.length === 0 ? 'No API keys.\n' : `${keys.map(describeKey).join('\n')}\n` });
const revoked = (key: ApiKeyView) => ({ value: key, text: `${describeKey(key)}\n` });

export const run: CliCommand = async (args, io) => {
  let parsed: ReturnType<typeof parseRequest>;
  try {
    parsed = parseRequest(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline apikey: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'apikey', url: parsed.url, user: parsed.user });
  if (typeof target === 'number') return target;
  try {
    const { value, text } = await answer(target, parsed.request, parsed.user, io);
    io.out(parsed.json ? `${JSON.stringify(value)}\n` : text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lotline apikey: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError || error instanceof RemoteError) {
      io.err(`lotline apikey: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await closeTarget(target);
  }
};
