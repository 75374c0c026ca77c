import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../server/test-support/pdf-text';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole } from './support/session';
import { openRecallCase } from './support/recall';
import { textOf } from './support/text';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

describe('mock recall and deadline clocks in the console', () => {
  it('QA runs a drill from the Recall page and sees the stopwatch, the verdict and the last drill in the header', async () => {
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'qa');
    await page.getByTestId('nav-recall').click();
    await expect.poll(() => textOf(page, 'last-drill'), { timeout: 10_000 }).toBe('No mock recall drill has been run yet.');

    await page.getByTestId('drill-new').click();
    await page.getByTestId('drill-run').click();
    expect(await textOf(page, 'drill-error')).toBe('Type or scan the lot to drill.');
    await page.locator('input[name=drill-lot]').fill('NO-SUCH-LOT');
    await page.getByTestId('drill-run').click();
    await expect.poll(() => textOf(page, 'drill-error'), { timeout: 10_000 }).toMatch(/NO-SUCH-LOT/);

    await page.locator('input[name=drill-lot]').fill('S24110701');
    await page.getByTestId('drill-run').click();
    await expect.poll(() => textOf(page, 'drill-verdict'), { timeout: 10_000 }).toBe('Pass');
    const number = (await page.locator('[data-testid=recall-case] h3').textContent())!.split(' ')[0]!;
    expect(number).toMatch(/^MR\d{8}$/);
    expect(await textOf(page, 'recall-state')).toBe('Draft');
    const rows = await page.locator('[data-testid=drill-stopwatch] tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/[\d.]+ (ms|s)$/, ''))).toEqual(['Scope', 'Consignee list', 'Mass balance']);
    expect(await textOf(page, 'drill-accounted')).toMatch(/^\d+ of \d+ accounted for: 100\.00 % \(pass band 99\.5–101\.5 %\)$/);
    await expect.poll(() => textOf(page, 'last-drill'), { timeout: 10_000 }).toMatch(new RegExp(`^Last drill: ${number} at .+, 100\\.00 % accounted for, Pass$`));

    // The drill report, as the browser downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-drill-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${number}-drill.pdf`);
    const text = (await pdfPageTexts(readFileSync((await download.path())!))).join('\n');
    expect(text).toContain(`Mock recall drill ${number}`);
    expect(text).toContain('Result: PASS');

    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-drill.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('an open case shows its clocks; generating the NMPA event report meets its clock', async () => {
    const server = env.server();
    const token = await apiToken(server, 'qa', server.demoPassword);
    // The clocks run into next year from late December: the plant enters next year's holiday notice
    // (here, as a year with no corrections), so the test does not fail once today nears the year's end.
    const supervisor = await apiToken(server, 'supervisor', server.demoPassword);
    const { settings } = await apiCall<{ settings: { enteredYears: { calendar: string; year: number }[] } & Record<string, unknown> }>(server, '/api/recalls/settings', { token: supervisor });
    const nextYear = new Date().getUTCFullYear() + 1;
    await apiCall(server, '/api/recalls/settings', { token: supervisor, method: 'PUT', body: { ...settings, enteredYears: [...settings.enteredYears, { calendar: 'CN', year: nextYear }] } });
    const draft = await openRecallCase(server, token, {
      reason: 'Mask filter layer delaminates',
      healthHazard: 'Reduced filtration',
      classes: { fda: 'II', nmpa: 2 },
      depth: 'user',
      strategy: 'Return and destroy',
      effectiveness: { level: 'C' },
      jurisdictions: ['US', 'CN'],
      scope: { kind: 'lot', lotNumber: 'PP2410A' },
    });
    // The event report is due the day the recall opens: the deadline job warns at once.
    expect((await apiCall<{ raised: number }>(server, '/api/recalls/deadlines/run', { token, body: {} })).raised).toBeGreaterThanOrEqual(1);

    const { context, page } = await openConsole(env.browser(), server, 'qa');
    await page.getByTestId('nav-recall').click();
    await expect.poll(() => page.locator('[data-testid=deadline-alert-nmpa_event_report] td').allTextContents(), { timeout: 10_000 }).toEqual([
      draft.number,
      'NMPA recall event report (召回事件报告表)',
      'Due soon',
      expect.stringMatching(/^due \d{4}-\d{2}-\d{2}$/),
      'Acknowledge',
    ]);
    await page.locator('[data-testid=deadline-alert-nmpa_event_report]').getByRole('button', { name: draft.number, exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=recall-clocks] tbody tr').count(), { timeout: 10_000 }).toBe(4);
    const kinds = await page.locator('[data-testid=recall-clocks] tbody tr td:first-child').allTextContents();
    expect([...kinds].sort()).toEqual(
      ['FDA report of correction or removal (806.10)', 'NMPA investigation report and recall plan', 'NMPA recall event report (召回事件报告表)', 'NMPA: notify consignees'].sort(),
    );
    // The event report is due the day the recall opens: within the lead.
    expect(await page.locator('[data-testid=clock-nmpa_event_report] td').last().textContent()).toBe('Due soon');
    expect(await page.locator('[data-testid=recall-reports] li').allTextContents()).toEqual([
      'Status report (21 CFR 7.53) PDF CSV',
      'Report of correction or removal (21 CFR 806.10) PDF CSV',
      '召回事件报告表 (NMPA recall event report) PDF CSV',
      '召回计划实施情况报告 (NMPA progress report) PDF CSV',
      '总结评估报告 (NMPA summary assessment) PDF CSV',
    ]);

    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-clocks.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-testid=deadline-alert-nmpa_event_report]').getByRole('button', { name: /^Acknowledge the alert of / }).click();
    await expect.poll(() => page.getByTestId('deadline-alert-nmpa_event_report').count(), { timeout: 10_000 }).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-nmpa-event-pdf').click()]);
    const text = (await pdfPageTexts(readFileSync((await download.path())!))).join('\n');
    expect(text).toContain(`医疗器械召回事件报告表 ${draft.number}`);
    await expect.poll(() => page.locator('[data-testid=clock-nmpa_event_report] td').last().textContent(), { timeout: 10_000 }).toBe('Met');

    // The same case in Chinese.
    await page.locator('.ant-segmented [lang="zh-CN"]').click();
    await expect.poll(() => page.locator('[data-testid=clock-nmpa_event_report] td').first().textContent(), { timeout: 10_000 }).toBe('医疗器械召回事件报告表');
    expect(await page.locator('[data-testid=clock-nmpa_event_report] td').last().textContent()).toBe('已完成');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-clocks-zh.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
