import type { Role } from '../../domain/auth';
import { INBOUND_KINDS, type ApiScope, type InboundKind } from '../../domain/integration';

/**
 * Who may call a route: anyone, anyone signed in, holders of one of the listed roles, or an
 * integration's API key with the scope named (never a user session).
 */
export type Access = 'public' | 'signed-in' | readonly Role[] | { readonly apiKeyScope: ApiScope };

export const isApiKeyAccess = (access: Access): access is { readonly apiKeyScope: ApiScope } => typeof access === 'object' && 'apiKeyScope' in access;

/** The scope an integration's key needs to write each kind of record. */
export const WRITE_SCOPE: Readonly<Record<InboundKind, ApiScope>> = {
  items: 'items:write',
  suppliers: 'partners:write',
  customers: 'partners:write',
  locations: 'locations:write',
  'purchase-orders': 'orders:write',
  'sales-orders': 'orders:write',
  'work-orders': 'work-orders:write',
};

const INTEGRATION_ACCESS: Record<string, Access> = Object.fromEntries(
  INBOUND_KINDS.flatMap((kind) => [
    [`PUT /api/integration/${kind}/:externalId`, { apiKeyScope: WRITE_SCOPE[kind] }],
    [`POST /api/integration/${kind}/batch`, { apiKeyScope: WRITE_SCOPE[kind] }],
    [`GET /api/integration/${kind}/:externalId`, { apiKeyScope: 'read' }],
  ]),
);

const QA: readonly Role[] = ['qc', 'supervisor', 'admin'];
const SUPERVISION: readonly Role[] = ['supervisor', 'admin'];
// Status changes are judged per transition by the lot status machine (only QC releases).
const LOT_DECISIONS: readonly Role[] = ['qc', 'supervisor'];
const PLANNING: readonly Role[] = ['supervisor', 'admin'];
// Recalls are run by QA and supervisors; each step is judged again by the case rules (domain/recall).
const RECALLS: readonly Role[] = ['qc', 'supervisor'];
// Stock figures: the floor (operators, whose handheld shows them), QA and supervision. Values at
// standard cost are shown to supervisors and admins only (server/routes/dashboard).
const STOCK_DASHBOARD: readonly Role[] = ['operator', 'qc', 'supervisor', 'admin'];

/**
 * Every API route and who may call it, in one place. A route missing here is refused to
 * everyone (and a test fails), so a new route cannot be published open by accident.
 */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  // EPCIS 2.0 for trading partners: their keys only (a key bound to a GLN sees its own shipments).
  'GET /epcis/events': { apiKeyScope: 'epcis:read' },
  'POST /epcis/capture': { apiKeyScope: 'epcis:capture' },
  'GET /epcis/capture/:captureID': { apiKeyScope: 'epcis:capture' },
  'GET /api/epcis/settings': ['admin'],
  'PUT /api/epcis/settings': ['admin'],
  'GET /api/health': 'public',
  // Pallet and case numbers for logistic labels: whoever prints them, and supervision.
  'POST /api/sscc': ['labeladmin', 'supervisor', 'admin'],
  'GET /api/sscc/:sscc': 'signed-in',
  'GET /api/sscc/:sscc/contents': 'signed-in',
  'POST /api/sscc/:sscc/label': ['labeladmin', 'supervisor', 'admin'],
  // The plant's SSCC prefix and ship-from: admins and label admins set it; handhelds read it.
  'GET /api/logistics/settings': 'signed-in',
  'PUT /api/logistics/settings': ['labeladmin', 'admin'],
  // A block of SSCCs for the handheld the request comes from (its enrolment is checked too).
  'POST /api/logistics/device-ssccs': 'signed-in',
  // UDI device master data: label admins and QC write it, QC signs and publishes it.
  'GET /api/udi/records': 'signed-in',
  'POST /api/udi/records': ['labeladmin', 'qc', 'admin'],
  'GET /api/udi/records/:id': 'signed-in',
  'PUT /api/udi/records/:id': ['labeladmin', 'qc', 'admin'],
  'POST /api/udi/records/:id/restore': ['labeladmin', 'qc', 'admin'],
  'GET /api/udi/records/:id/diff': 'signed-in',
  'POST /api/udi/records/:id/versions/:version/approve': ['qc'],
  'POST /api/udi/records/:id/publish': ['qc', 'admin'],
  'GET /api/udi/records/:id/submission-check': 'signed-in',
  'GET /api/udi/records/:id/exports/nmpa': ['labeladmin', 'qc', 'admin'],
  'GET /api/udi/records/:id/exports/gudid': ['labeladmin', 'qc', 'admin'],
  // Master data history: anyone signed in reads it; restoring is a change of master data (a
  // regulated field also needs a QC signature in the body, judged by domain/masterdata).
  'GET /api/master-data/:kind/:id/versions': 'signed-in',
  'GET /api/master-data/:kind/:id/diff': 'signed-in',
  'POST /api/master-data/:kind/:id/restore': ['labeladmin', 'qc', 'supervisor', 'admin'],
  // A regulated change the ERP sent waits for QC: whoever may restore may bring it to a QC signer
  // (the signature itself must be a QC user's); rejecting it is QC's decision alone.
  'GET /api/master-data/change-requests': 'signed-in',
  'POST /api/master-data/change-requests/:id/approve': ['labeladmin', 'qc', 'supervisor', 'admin'],
  'POST /api/master-data/change-requests/:id/reject': ['qc', 'admin'],
  'POST /api/udi/records/:id/exports': ['labeladmin', 'qc', 'admin'],
  'GET /api/udi/records/:id/exports': ['labeladmin', 'qc', 'admin'],
  'GET /api/udi/exports/:id/content': ['labeladmin', 'qc', 'admin'],
  // What the regulator answered is a quality record: QC (or an admin) enters it.
  'POST /api/udi/exports/:id/status': ['qc', 'admin'],
  // Legacy data enters the ledger and the audit chain under the importing person: supervision and admins.
  'POST /api/imports': SUPERVISION,
  'POST /api/imports/:id/dry-run': SUPERVISION,
  'GET /api/imports/:id/report': SUPERVISION,
  'POST /api/imports/:id/commit': SUPERVISION,
  'GET /api/imports/profiles': SUPERVISION,
  'PUT /api/imports/profiles/:kind/:name': SUPERVISION,
  'GET /api/openapi.json': 'public',
  // What each table and field means: for anyone who reads the data, not only the integrator.
  'GET /api/dictionary': 'signed-in',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/logout': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'POST /api/admin/backup': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/unlock': ['admin'],
  'GET /api/devices': SUPERVISION,
  'POST /api/devices': SUPERVISION,
  'POST /api/devices/:id/revoke': SUPERVISION,
  // Proven by the handheld holding both enrolment tokens, which only a supervisor issues (server/auth/re-enrolment.ts).
  'POST /api/devices/replace': 'signed-in',
  // Events carry every business change: read by supervision and integrations; webhooks are admin's.
  'GET /api/events': SUPERVISION,
  'GET /api/webhooks': ['admin'],
  'POST /api/webhooks': ['admin'],
  'POST /api/webhooks/:id/disable': ['admin'],
  'POST /api/webhooks/:id/enable': ['admin'],
  'POST /api/webhooks/:id/replay': ['admin'],
  'GET /api/webhooks/dead-letters': ['admin'],
  'POST /api/webhooks/dead-letters/:id/retry': ['admin'],
  'GET /api/audit': QA,
  'GET /api/audit/verify': QA,
  'GET /api/items': 'signed-in',
  'GET /api/locations': 'signed-in',
  'GET /api/lots': 'signed-in',
  'GET /api/lots/:id': 'signed-in',
  // Sync also demands the device's enrolment token (server/sync/device-session.ts).
  'GET /api/sync/:collection/pull': 'signed-in',
  'POST /api/sync/ops/push': 'signed-in',
  'GET /api/sync/stream': 'signed-in',
  'GET /api/exceptions': SUPERVISION,
  'POST /api/exceptions/:id/resolve': SUPERVISION,
  'GET /api/ops': SUPERVISION,
  'GET /api/devices/health': SUPERVISION,
  'GET /api/picklists': 'signed-in',
  'POST /api/picklists': SUPERVISION,
  'GET /api/events/stream': ['qc', 'supervisor', 'labeladmin', 'admin'],
  'GET /api/qc/queue': QA,
  'POST /api/lots/:id/status': LOT_DECISIONS,
  'GET /api/lots/:id/history': 'signed-in',
  'GET /api/lots/:id/trace': 'signed-in',
  'POST /api/attachments': ['qc', 'supervisor'],
  'GET /api/attachments/:sha256': QA,
  'GET /api/alerts': 'signed-in',
  'POST /api/alerts/:id/acknowledge': ['qc', 'supervisor'],
  'POST /api/lots/expire': ['qc', 'supervisor', 'admin'],
  'GET /api/work-orders': 'signed-in',
  'POST /api/work-orders': PLANNING,
  'GET /api/customers': 'signed-in',
  'POST /api/customers': PLANNING,
  'GET /api/number-rules': ['supervisor', 'labeladmin', 'admin'],
  'POST /api/number-rules': ['admin'],
  'GET /api/printers': 'signed-in',
  'POST /api/printers': ['labeladmin', 'admin'],
  'GET /api/templates': 'signed-in',
  'POST /api/templates': ['labeladmin'],
  // Approval is QC's signature; the label admin who drafted cannot approve.
  'POST /api/templates/:id/approve': ['qc'],
  'POST /api/templates/:id/retire': ['labeladmin', 'qc'],
  'GET /api/templates/:id/diff': 'signed-in',
  'GET /api/templates/:id/preview': ['labeladmin', 'qc', 'supervisor', 'admin'],
  // Label admins say which items a template prints for; approval and printing are judged against those items' UDI records.
  'GET /api/template-items': 'signed-in',
  'POST /api/template-items': ['labeladmin'],
  'DELETE /api/template-items/:template/:itemId': ['labeladmin'],
  'GET /api/udi-label-settings': 'signed-in',
  // Whether labels for unpublished UDI-DIs print is a regulatory decision: QA and administrators.
  'PUT /api/udi-label-settings': ['qc', 'admin'],
  'GET /api/print-jobs': 'signed-in',
  'POST /api/print-jobs': ['operator', 'qc', 'supervisor', 'labeladmin'],
  'POST /api/print-jobs/:id/resolve': ['supervisor', 'labeladmin'],
  'POST /api/print-jobs/:id/reprint': ['supervisor', 'labeladmin'],
  'GET /api/print-jobs/:id/rfid': 'signed-in',
  'GET /api/print-runs/:id/rfid': 'signed-in',
  'GET /api/rfid/:epc': 'signed-in',
  'GET /api/recalls': QA,
  'GET /api/recalls/:id': QA,
  'GET /api/recalls/:id/scope-diff': QA,
  'GET /api/recalls/:id/flagged-ops': QA,
  'POST /api/recalls': RECALLS,
  'POST /api/recalls/scope': RECALLS,
  'POST /api/recalls/:id/open': RECALLS,
  'POST /api/recalls/:id/transition': RECALLS,
  'GET /api/recalls/:id/reconciliation': QA,
  'GET /api/rfid-runs': 'signed-in',
  // Reading a tag in doubt binds or voids a serial for good: the people who settle jobs in doubt.
  'POST /api/print-jobs/:id/rfid/resolve': ['supervisor', 'labeladmin'],
  'PATCH /api/printers/:id/rfid-policy': ['labeladmin', 'admin'],
  'POST /api/recalls/:id/replies': RECALLS,
  // Judged again by the disposition rules: only QA signs, someone else witnesses.
  'POST /api/recalls/:id/dispositions': RECALLS,
  'POST /api/recalls/:id/gap-explanations': RECALLS,
  'GET /api/recalls/:id/letters': RECALLS,
  'POST /api/recalls/:id/letters': RECALLS,
  'GET /api/recalls/:id/letters/:customerId/pdf': RECALLS,
  'GET /api/recalls/:id/letters/:customerId/page': RECALLS,
  'GET /api/recalls/:id/effectiveness': QA,
  'POST /api/recalls/:id/effectiveness/draw': RECALLS,
  'POST /api/recalls/:id/effectiveness/checks': RECALLS,
  'POST /api/recalls/:id/effectiveness/contacts': RECALLS,
  'GET /api/recalls/escalations': QA,
  // A consignee answers a letter by its one-time code, without an account (rate-limited per address, audited).
  'GET /api/public/recall-replies/:code': 'public',
  'POST /api/public/recall-replies/:code': 'public',
  'GET /api/recalls/:id/devices': QA,
  'GET /api/recalls/deadlines': QA,
  'GET /api/recalls/:id/deadlines': QA,
  'POST /api/recalls/:id/events': RECALLS,
  // Generating a report is an act on the case (audited, and it meets a clock): QA and supervisors.
  'GET /api/recalls/:id/reports/:file': RECALLS,
  'POST /api/recalls/drills': RECALLS,
  'GET /api/recalls/drills/last': QA,
  'GET /api/recalls/:id/drill': QA,
  'GET /api/recalls/settings': QA,
  'POST /api/recalls/alerts/:id/acknowledge': RECALLS,
  'POST /api/recalls/deadlines/run': RECALLS,
  // The plant's calendar and the manufacturer the reports name: set by those who answer for the plant.
  'PUT /api/recalls/settings': SUPERVISION,
  // Plant performance: who answers for the plant and its quality.
  'GET /api/kpis': QA,
  'GET /api/kpis/:id': QA,
  'GET /api/dashboard/stock': STOCK_DASHBOARD,
  'GET /api/dashboard/stock/rows': STOCK_DASHBOARD,
  'GET /api/dashboard/stock/rows.csv': STOCK_DASHBOARD,
  'GET /api/dashboard/stock/rows.xlsx': STOCK_DASHBOARD,
  'GET /api/dashboard/settings': STOCK_DASHBOARD,
  // Where a site's buckets fall decides what the plant calls near expiry: set by those who answer for it.
  'PUT /api/dashboard/settings': SUPERVISION,
  // Keys are handed out, rotated and revoked by the admin; the inbound routes take only keys.
  'GET /api/api-keys': ['admin'],
  'POST /api/api-keys': ['admin'],
  'POST /api/api-keys/:id/rotate': ['admin'],
  'POST /api/api-keys/:id/revoke': ['admin'],
  ...INTEGRATION_ACCESS,
  'POST /api/emulator/state': ['labeladmin', 'admin', 'supervisor'],
  'GET /api/emulator/formats': ['labeladmin', 'admin', 'supervisor', 'qc'],
};

/** What a user who must still replace a first password may do: change it, or leave. */
export const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password']);

export function accessKey(method: string, path: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${path}`;
}

export function allows(access: Access, roles: readonly Role[] | undefined): boolean {
  if (access === 'public') return true;
  if (!roles || isApiKeyAccess(access)) return false;
  if (access === 'signed-in') return true;
  return roles.some((role) => access.includes(role));
}
