import { OpenAPIHono } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors';
import { apiKeyRoutes } from '../routes/api-keys';
import { auditRoutes } from '../routes/audit';
import { integrationRoutes } from '../routes/integration';
import { importRoutes } from '../routes/import';
import { ssccRoutes } from '../routes/sscc';
import { logisticsRoutes } from '../routes/logistics';
import { udiRecordRoutes } from '../routes/udi';
import { masterDataRoutes } from '../routes/masterdata';
import { authRoutes } from '../routes/auth';
import { backupRoutes } from '../routes/backup';
import { catalogRoutes } from '../routes/catalog';
import { dashboardRoutes } from '../routes/dashboard';
import { dictionaryRoutes } from '../routes/dictionary';
import { deviceRoutes } from '../routes/devices';
import { healthRoutes } from '../routes/health';
import { kpiRoutes } from '../routes/kpis';
import { lotRoutes } from '../routes/lots';
import { printingRoutes } from '../routes/printing';
import { templateItemRoutes } from '../routes/printing/template-items';
import { recallRoutes } from '../routes/recalls';
import { recallEffectivenessRoutes } from '../routes/recalls/effectiveness';
import { recallLetterRoutes } from '../routes/recalls/letters';
import { publicReplyRoutes, replyPageRoutes } from '../routes/recalls/public-replies';
import { recallDeviceRoutes } from '../routes/recalls/devices';
import { recallRecoveryRoutes } from '../routes/recalls/recovery';
import { recallReportRoutes } from '../routes/recalls/reports';
import { productionRoutes } from '../routes/production';
import { supervisionRoutes } from '../routes/supervision';
import { pickListRoutes } from '../routes/supervision/pick-lists';
import { syncRoutes } from '../routes/sync';
import { userRoutes } from '../routes/users';
import { eventRoutes } from '../routes/events';
import { epcisRoutes } from '../routes/epcis';
import { authorize } from './authorize';
import { IMPORT_BODY_LIMIT_BYTES, INTEGRATION_BODY_LIMIT_BYTES, type AppDeps, type AppEnv } from './env';
import { errorBody, renderError } from './errors';
import { mountPwa } from './static';
import { wellFormedText } from './text-guard';
import { strictTransport } from './transport';
import { validationHook } from './validation';

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      // Sent only over HTTPS, by strictTransport below: a plain-HTTP pilot must stay reachable.
      strictTransportSecurity: false,
    }),
  );
  app.use('*', strictTransport(deps.transport ?? { tls: false, trustProxy: false }));
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(413, 'payload_too_large', `The request body is larger than ${Math.round(maxSize / 1024)} KB.`, { limitBytes: maxSize });
      },
    });
  const apiLimit = limit(deps.bodyLimitBytes);
  // An ERP's batch of thousands of rows is one request: the inbound routes take more.
  const integrationLimit = limit(deps.integrationBodyLimitBytes ?? INTEGRATION_BODY_LIMIT_BYTES);
  // A legacy file upload is one request too.
  const importLimit = limit(deps.importBodyLimitBytes ?? IMPORT_BODY_LIMIT_BYTES);
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/integration/') ? integrationLimit(c, next) : c.req.path === '/api/imports' ? importLimit(c, next) : apiLimit(c, next)));
  const guard = authorize(deps.db, { transport: deps.transport, clock: deps.clock });
  app.use('/api/*', guard);
  app.use('/api/*', wellFormedText());
  // EPCIS 2.0 sits at /epcis as partners' tools expect it; guarded like the inbound API.
  app.use('/epcis/*', integrationLimit, guard, wellFormedText(), async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers carry personal and quality data: never let a shared cache keep them.
    c.header('Cache-Control', 'no-store');
  });

  app.route('/', healthRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', userRoutes(deps));
  // Before the device routes: /api/devices/health must not be read as a device id.
  app.route('/', supervisionRoutes(deps));
  app.route('/', deviceRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', eventRoutes(deps));
  // Before the catalog: /api/lots/expire must not be read as a lot id.
  app.route('/', lotRoutes(deps));
  app.route('/', catalogRoutes(deps));
  app.route('/', productionRoutes(deps));
  app.route('/', printingRoutes(deps));
  app.route('/', templateItemRoutes(deps));
  app.route('/', syncRoutes(deps));
  app.route('/', pickListRoutes(deps));
  app.route('/', backupRoutes(deps));
  // Before the case routes: /api/recalls/escalations must not be read as a case id.
  app.route('/', recallEffectivenessRoutes(deps));
  // Before the case routes: /api/recalls/deadlines must not be read as a case id.
  app.route('/', recallReportRoutes(deps));
  app.route('/', recallRoutes(deps));
  app.route('/', recallRecoveryRoutes(deps));
  app.route('/', recallLetterRoutes(deps));
  app.route('/', publicReplyRoutes(deps));
  // Before the PWA: /reply/<code> is the server's own page, not a client route.
  app.route('/', replyPageRoutes(deps));
  app.route('/', recallDeviceRoutes(deps));
  app.route('/', kpiRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/', apiKeyRoutes(deps));
  app.route('/', integrationRoutes(deps));
  app.route('/', epcisRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', ssccRoutes(deps));
  app.route('/', logisticsRoutes(deps));
  app.route('/', udiRecordRoutes(deps));
  app.route('/', masterDataRoutes(deps));
  app.route('/', dictionaryRoutes(deps, () => app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Lotline API', version: deps.version } })));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An integration key (lk_...) from POST /api/api-keys' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'integrationBearer', { type: 'http', scheme: 'bearer', description: 'The same integration key as Authorization: Bearer lk_...' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Lotline API', version: deps.version, description: 'Lot traceability and GS1/UDI labelling' },
  });

  if (deps.staticDir) mountPwa(app, deps.staticDir);

  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  app.onError(renderError);
  return app;
}

export type LotlineApp = ReturnType<typeof createApp>;
