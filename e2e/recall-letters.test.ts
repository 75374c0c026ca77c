import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { REPLY_CODE, captureLetters } from './support/letters';
import { apiCall, apiToken, openConsole } from './support/session';
import { openRecallCase } from './support/recall';
import { textOf } from './support/text';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

describe('recall letters and the reply by code', () => {
  it('QA issues the letters of an open case, the PDF carries the consignee’s lot, quantity and code, the consignee answers on a phone, and the console shows the answer', async () => {
    const server = env.server();
    mkdirSync(SHOTS, { recursive: true });

    // An open case on the demo's finished syringe lot, 100 of it shipped to DIST-BJ.
    const qaToken = await apiToken(server, 'qa', server.demoPassword);
    const made = { case: await openRecallCase(server, qaToken, { classes: { fda: 'II', nmpa: 2 }, jurisdictions: ['CN', 'US'] }) };

    const { context: desk, page } = await openConsole(env.browser(), server, 'qa');
    await page.getByTestId('nav-recall').click();
    await page.getByRole('button', { name: made.case.number }).click();
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('recall-letters-table').waitFor({ timeout: 10_000 });
    expect(await textOf(page, 'letters-status-DIST-BJ')).toBe('No code issued yet');
    await page.getByTestId('recall-letters-issue').click();
    await expect.poll(() => textOf(page, 'letters-status-DIST-BJ'), { timeout: 10_000 }).toBe('Not answered');

    // Each letter the console asks the server for is kept as it went over the wire, and passed on unchanged.
    const letters = await captureLetters(page);

    // The NMPA notice in Chinese, as the console fetched it from the server.
    await page.getByTestId('letter-pdf-DIST-BJ-CN-zh-CN').click();
    const text = await letters.text('?jurisdiction=CN&lang=zh-CN');
    expect(text).toContain('医疗器械召回通知');
    expect(text).toContain('北京医药分销有限公司');
    expect(text).toContain('S24110701');
    expect(text).toContain('100 EA');
    expect(text).toContain(made.case.number);
    const code = REPLY_CODE.exec(text)?.[0];
    expect(code).toBeDefined();
    expect(text).toContain(`/reply/${code}`);

    // The English FDA letter to the same consignee carries the same code.
    await page.getByTestId('letter-pdf-DIST-BJ-US-en').click();
    const englishText = await letters.text('?jurisdiction=US&lang=en');
    expect(englishText).toContain('URGENT: MEDICAL DEVICE RECALL');
    expect(englishText).toContain(code);

    await page.bringToFront();
    await page.getByTestId('recall-letters').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-letters.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The consignee answers on a phone, without the app or a login, in Chinese.
    const phone = await env.browser().newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const reply = await phone.newPage();
    await reply.goto(`${server.url}/reply/${code!.toLowerCase()}`);
    expect(await textOf(reply, 'reply-consignee')).toBe('北京医药分销有限公司');
    expect(await reply.locator('[data-testid=reply-lots] tbody tr').allTextContents()).toEqual([expect.stringContaining('S24110701')]);
    await reply.screenshot({ path: join(SHOTS, 'phone-recall-reply.png'), fullPage: true });
    expect(await seriousViolations(reply)).toEqual([]);

    // A figure that is not a quantity comes back at the form with the values kept, and nothing is recorded.
    await reply.getByLabel('现有库存数量').fill('十');
    await reply.getByLabel('已退回数量').fill('60');
    await reply.getByRole('button', { name: '提交回执' }).click();
    await expect.poll(() => textOf(reply, 'reply-problems'), { timeout: 10_000 }).toContain('现有库存数量：请填写零或以上的数字');
    expect(await reply.getByLabel('已退回数量').inputValue()).toBe('60');

    await reply.getByLabel('现有库存数量').fill('10');
    await reply.getByLabel('已销毁数量').fill('5');
    await reply.getByLabel('客户 1：名称').fill('朝阳区社区医院');
    await reply.getByLabel('客户 1：数量').fill('25');
    await reply.getByRole('button', { name: '提交回执' }).click();
    await expect.poll(() => textOf(reply, 'reply-done'), { timeout: 10_000 }).toContain('谢谢。我们已收到您的回执。');
    await reply.screenshot({ path: join(SHOTS, 'phone-recall-reply-done.png'), fullPage: true });
    expect(await seriousViolations(reply)).toEqual([]);

    // The code answers once.
    await reply.goto(`${server.url}/reply/${code}?lang=en`);
    expect(await textOf(reply, 'reply-refused')).toContain('This code has already been answered with');
    await phone.close();

    // QA sees the answer: in the letters and in the reconciliation.
    await page.getByTestId('recall-letters-refresh').click();
    await expect.poll(() => textOf(page, 'letters-status-DIST-BJ'), { timeout: 10_000 }).toMatch(/^Answered /);
    const rec = await apiCall<{ reconciliation: { consignees: { code: string; onHand: number; returned: number; destroyed: number; reply: { channel: string; subDistributed: { name: string; qty: number }[] } | null }[] } }>(
      server,
      `/api/recalls/${made.case.id}/reconciliation`,
      { token: qaToken },
    );
    expect(rec.reconciliation.consignees.find((c) => c.code === 'DIST-BJ')).toMatchObject({ onHand: 10, destroyed: 5, reply: { channel: 'code', subDistributed: [{ name: '朝阳区社区医院', qty: 25 }] } });
    await page.screenshot({ path: join(SHOTS, 'console-recall-letters-answered.png'), fullPage: true });
    await desk.close();
  });
});
