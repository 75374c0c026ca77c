import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LetterLang } from '../../../domain/recall';
import { findIllFormedText } from '../../../domain/text';
import { AppError } from '../../errors';
import { signInGuard, type AppDeps, type AppEnv } from '../../http/env';
import { ErrorSchema, badRequest, jsonBody, jsonResponse } from '../../http/schemas';
import { clientAddress } from '../../http/transport';
import { validationHook } from '../../http/validation';
import { answerReplyCode, openReplyCode, type PublicReply } from '../../recall/letters';
import { EMPTY_FORM, SUB_ROWS, replyDonePage, replyFormPage, replyPageText, replyRefusedPage, type ReplyFormValues } from '../../recall/letters/reply-page';

const CodeParam = z.object({ code: z.string().min(1).max(64).openapi({ param: { name: 'code', in: 'path' } }) });
const qty = z.number().min(0).max(1e12);
const PublicReplySchema = z
  .object({
    onHand: qty,
    returned: qty,
    destroyed: qty,
    subDistributed: z.array(z.object({ name: z.string().trim().min(1).max(200), qty }).strict()).max(200).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('PublicRecallReply');

const refusals = {
  404: jsonResponse('No reply is waiting for that code (nothing about any case is told)', ErrorSchema),
  409: jsonResponse('The code was already answered with, or the case takes no more answers', ErrorSchema),
  429: jsonResponse('Too many codes tried from this address; Retry-After says when to try again', ErrorSchema),
} as const;

const view = createRoute({
  method: 'get',
  path: '/api/public/recall-replies/{code}',
  tags: ['recall'],
  summary: "What a consignee's reply code opens, without a login: the case number, and the products, lots and quantities shipped to that consignee only",
  request: { params: CodeParam },
  responses: { 200: jsonResponse('The consignee’s shipment of the case', z.record(z.string(), z.unknown())), ...badRequest, ...refusals },
});

const answer = createRoute({
  method: 'post',
  path: '/api/public/recall-replies/{code}',
  tags: ['recall'],
  summary: 'A consignee answers by code, once: quantities on hand, returned, destroyed and passed on to whom',
  request: { params: CodeParam, body: jsonBody(PublicReplySchema) },
  responses: {
    201: jsonResponse('The answer was recorded', z.object({ caseNumber: z.string(), answeredAt: z.string() })),
    ...badRequest,
    ...refusals,
    422: jsonResponse('The answer cannot be a count', ErrorSchema),
  },
});

export function publicReplyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(view, async (c) => c.json({ ...(await openReplyCode(deps.db, signInGuard(deps), clientAddress(c, deps.transport), c.req.valid('param').code)) }, 200))
    .openapi(answer, async (c) => {
      const body = c.req.valid('json');
      const reply: PublicReply = { onHand: body.onHand, returned: body.returned, destroyed: body.destroyed, subDistributed: body.subDistributed ?? [], note: body.note ?? '' };
      return c.json(await answerReplyCode(deps.db, signInGuard(deps), clientAddress(c, deps.transport), c.req.valid('param').code, reply), 201);
    });
}

/** The page's language: asked for with ?lang=, else the phone's first choice between Chinese and English. */
function pageLang(c: Context): LetterLang {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  return /^zh/i.test(c.req.header('accept-language') ?? '') ? 'zh-CN' : 'en';
}

const QTY_TEXT = /^\s*\d{1,12}([.,]\d{1,3})?\s*$/;

/** The form's fields as numbers, or the labels of those that are not quantities. */
function readForm(lang: LetterLang, values: ReplyFormValues): { reply: PublicReply; problems: string[] } {
  const t = replyPageText(lang);
  const problems: string[] = [];
  const num = (text: string, label: string) => {
    if (text.trim() === '') return 0;
    if (!QTY_TEXT.test(text)) {
      problems.push(t.notQty(label));
      return 0;
    }
    return Number(text.trim().replace(',', '.'));
  };
  const reply: PublicReply = {
    onHand: num(values.onHand, t.onHand),
    returned: num(values.returned, t.returned),
    destroyed: num(values.destroyed, t.destroyed),
    subDistributed: values.sub.flatMap((s, i) => (s.name.trim() === '' && s.qty.trim() === '' ? [] : [{ name: s.name.trim(), qty: num(s.qty, t.subQty(i)) }])),
    note: values.note.trim(),
  };
  return { reply, problems };
}

/**
 * The reply page a letter's link and QR open: plain HTML served here and a form that posts back
 * to it, so it works on any phone without the app, a login or script.
 */
export function replyPageRoutes(deps: AppDeps) {
  const page = new Hono<AppEnv>();
  page.use('/reply/*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The reply is too long.', 413) }));
  const here = (c: Context, lang: LetterLang) => `/reply/${encodeURIComponent(c.req.param('code') ?? '')}?lang=${lang}`;
  const refused = (c: Context, lang: LetterLang, error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 429 && typeof error.details?.retryAfterSeconds === 'number') c.header('Retry-After', String(error.details.retryAfterSeconds));
    c.header('Cache-Control', 'no-store');
    return c.html(replyRefusedPage(lang, error, here(c, lang === 'en' ? 'zh-CN' : 'en')), error.status as 400);
  };
  page.get('/reply/:code', async (c) => {
    const lang = pageLang(c);
    try {
      const shipment = await openReplyCode(deps.db, signInGuard(deps), clientAddress(c, deps.transport), c.req.param('code'));
      c.header('Cache-Control', 'no-store');
      return c.html(replyFormPage(lang, shipment, here(c, lang), here(c, lang === 'en' ? 'zh-CN' : 'en'), EMPTY_FORM, []));
    } catch (error) {
      return refused(c, lang, error);
    }
  });
  page.post('/reply/:code', async (c) => {
    const lang = pageLang(c);
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '').slice(0, 2000);
    const values: ReplyFormValues = {
      onHand: field('onHand'),
      returned: field('returned'),
      destroyed: field('destroyed'),
      sub: Array.from({ length: SUB_ROWS }, (_, i) => ({ name: field(`subName${i}`).slice(0, 200), qty: field(`subQty${i}`) })),
      note: field('note'),
    };
    const code = c.req.param('code');
    try {
      const bad = findIllFormedText(values);
      if (bad) throw new AppError(400, 'invalid_text', `${bad.path} cannot be stored as it is (${bad.problem === 'nul' ? 'a NUL character' : 'not well-formed Unicode'}).`);
      const { reply, problems } = readForm(lang, values);
      const guard = signInGuard(deps);
      const client = clientAddress(c, deps.transport);
      if (problems.length > 0) {
        // The code is checked (and counted) before the figures are shown back with the problems.
        const shipment = await openReplyCode(deps.db, guard, client, code);
        c.header('Cache-Control', 'no-store');
        return c.html(replyFormPage(lang, shipment, here(c, lang), here(c, lang === 'en' ? 'zh-CN' : 'en'), values, problems), 422);
      }
      try {
        const done = await answerReplyCode(deps.db, guard, client, code, reply);
        c.header('Cache-Control', 'no-store');
        return c.html(replyDonePage(lang, done.caseNumber, done.answeredAt), 201);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid_reply') throw error;
        const shipment = await openReplyCode(deps.db, guard, client, code);
        const t = replyPageText(lang);
        return c.html(replyFormPage(lang, shipment, here(c, lang), here(c, lang === 'en' ? 'zh-CN' : 'en'), values, [t.refusals.invalid_reply ?? error.message]), 422);
      }
    } catch (error) {
      return refused(c, lang, error);
    }
  });
  return page;
}
