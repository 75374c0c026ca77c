import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner, typeLikeAPerson } from './support/keys';
import { REPLY_CODE, captureLetters } from './support/letters';
import { openConsole, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

// The demo's finished syringe lot: made from the two component lots, 100 of it shipped to DIST-BJ.
const SYRINGE_LABEL = ']d20106901234000016172912311' + '0S24110701';

/** Picks one of a group of choices by its value, clicking it as a person would (Ant Design hides the radio itself). */
const choose = (page: Page, name: string, value: string) => page.locator(`label:has(input[name="${name}"][value="${value}"])`).click();

/** The case list's rows as a person sees them (Ant Design adds a hidden row that measures the columns). */
const caseRows = (page: Page) => page.locator('[data-testid=recall-cases] tbody tr:not(.ant-table-measure-row)');

describe('a whole recall', () => {
  it('QA opens a recall from a scanned lot label, sees its scope and mass balance, signs the opening; an online handheld refuses the lot; the letter goes out as a PDF, the consignee answers by code, the returns are scanned, the case reconciles and closes signed', async () => {
    const server = env.server();

    // A picker's handheld, synced and on the Pick screen, takes the lot before the recall.
    const { context: handheld, page: picker } = await openHandheld(env.browser(), server, { device: 'Recall dock scanner', username: 'picker' });
    await waitForLots(picker, server);
    await picker.getByTestId('nav-pick').click();
    const pickerScans = async () => {
      await wedgeScan(picker, SYRINGE_LABEL);
      return textOf(picker, 'scan-message');
    };
    // Scanned again until the Pick screen is up and listening.
    await expect.poll(pickerScans, { timeout: 10_000 }).toBe('Read lot S24110701');

    const { context: desk, page } = await openConsole(env.browser(), server, 'qa');
    await page.getByTestId('nav-recall').click();
    await page.getByTestId('new-recall').waitFor({ timeout: 10_000 });

    // Terms that contradict each other are refused by the server, at the field they concern, and nothing is written.
    await page.locator('textarea[name=reason]').fill('Plunger seal leaks under pressure');
    await choose(page, 'level', 'B');
    await page.locator('input[name=percent]').fill('5');
    await wedgeScan(page, SYRINGE_LABEL);
    await expect.poll(() => page.locator('input[name=lotNumber]').inputValue(), { timeout: 10_000 }).toBe('S24110701');
    expect(await page.locator('input[name=gtin]').inputValue()).toBe('06901234000016');
    await page.getByTestId('recall-save-draft').click();
    await expect.poll(() => textOf(page, 'problem-effectiveness.percent'), { timeout: 10_000 }).toBe('Level B checks a whole percentage of consignees between 11 and 99.');
    expect(await caseRows(page).allTextContents()).toEqual(['No recall cases yet.']);

    // The scanned lot's scope: the lot itself, where its stock is, the consignee it went to, and a mass balance that closes.
    await expect.poll(() => page.getByTestId('recall-scope').count(), { timeout: 10_000 }).toBe(1);
    const lots = await page.locator('[data-testid=recall-scope-lots] tbody tr td:first-child').allTextContents();
    expect(lots).toEqual(['S24110701']);
    expect(await page.locator('[data-testid=recall-scope-stock] tbody tr').allTextContents()).toEqual([expect.stringMatching(/^S24110701B-02-01\d+$/)]);
    expect(await page.locator('[data-testid=recall-scope-consignees] tbody tr').allTextContents()).toEqual(['DIST-BJ · 北京医药分销有限公司1100' + '0100']);
    expect(await textOf(page, 'recall-scope-balance-verdict')).toBe('Mass balance passes: 100.0 % accounted for, every lot balances.');
    expect(await page.locator('[data-testid=balance-S24110701] td').last().textContent()).toBe('Balanced');
    await page.screenshot({ path: '/tmp/lotline-recall-preview.png', fullPage: true });

    // The whole family: the component lots the syringe lot was made from join the scope, marked apart, and the draft would keep the choice.
    await page.locator('input[name=family]').check();
    expect(await page.getByTestId('recall-scope').count()).toBe(0);
    await page.getByTestId('recall-preview').click();
    const scopeLots = () => page.locator('[data-testid=recall-scope-lots] tbody tr td:first-child').allTextContents();
    await expect.poll(scopeLots, { timeout: 10_000 }).toEqual(['S24110701', 'PP2410A', 'RB2409C']);
    expect(await page.locator('[data-testid=recall-scope-lots] tbody tr.scope-family-row td:first-child').allTextContents()).toEqual(['PP2410A', 'RB2409C']);
    expect(await textOf(page, 'recall-scope-summary')).toMatch(/whole family: 3 lot\(s\), 1 consignee\(s\), 1 shipment line\(s\)\. 2 lot\(s\) reached only through the whole family\.$/);
    expect(await textOf(page, 'recall-scope-balance-verdict')).toBe('Mass balance passes: 100.0 % accounted for, every lot balances.');
    expect(await textOf(page, 'recall-scope-unsynced')).toBe('No handheld reports ops waiting to sync.');
    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-family-preview.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('input[name=family]').uncheck();
    await page.getByTestId('recall-preview').click();
    await expect.poll(scopeLots, { timeout: 10_000 }).toEqual(['S24110701']);

    // Opening without the terms the regulators' clocks need is refused field by field before anything is written.
    await page.locator('input[name=percent]').fill('40');
    await page.locator('[data-testid=recall-open-form] textarea[name=signReason]').fill('Seal failure confirmed by complaint investigation');
    await page.locator('[data-testid=recall-open-form] input[name=password]').fill(server.demoPassword);
    await page.getByRole('button', { name: 'Open recall' }).click();
    await expect.poll(() => textOf(page, 'problem-depth'), { timeout: 10_000 }).toBe('Choose the depth: wholesale, retail or user.');
    expect(await textOf(page, 'problem-jurisdictions')).toBe('Tick at least one jurisdiction.');
    expect(await textOf(page, 'problem-healthHazard')).toBe('The health hazard evaluation is needed to open the recall.');

    await page.locator('textarea[name=healthHazard]').fill('Air aspiration during injection; serious injury unlikely but possible');
    await page.locator('textarea[name=strategy]').fill('Letters to every consignee, recovery to quarantine');
    await choose(page, 'depth', 'user');
    await page.locator('input[name=jurisdiction-CN]').check();
    await choose(page, 'nmpa', '2');
    await page.locator('input[name=jurisdiction-US]').check();
    await choose(page, 'fda', 'II');
    await page.locator('[data-testid=recall-open-form] input[name=password]').fill(server.demoPassword);
    await page.getByRole('button', { name: 'Open recall' }).click();

    await expect.poll(() => textOf(page, 'recall-state'), { timeout: 10_000 }).toBe('Open');
    const number = (await page.locator('[data-testid=recall-case] h3').textContent())!.split(' ')[0]!;
    expect(number).toMatch(/^RC\d{8}$/);
    expect(await page.locator('[data-testid=recall-steps] tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Draft → OpenApprovedSeal failure confirmed by complaint investigation陈静 \(QA\)/)]);
    await page.getByRole('tab', { name: 'Scope and mass balance' }).click();
    expect(await textOf(page, 'recall-frozen-balance-verdict')).toBe('Mass balance passes: 100.0 % accounted for, every lot balances.');
    await expect.poll(() => caseRows(page).allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining(`${number}OpenPlunger seal leaks under pressure陈静 (QA)`)]);
    expect(await page.locator('[data-testid^=recall-to-]').allTextContents()).toEqual(['Start recovery']);

    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-open-case.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The next step is signed too; a wrong password signs nothing.
    await page.getByTestId('recall-to-recovering').click();
    await page.locator('[data-testid=sign-form] textarea[name=signReason]').fill('Letters sent, returns expected');
    await page.locator('[data-testid=sign-form] input[name=password]').fill('not the password');
    await page.getByRole('button', { name: 'Start recovery' }).last().click();
    await expect.poll(() => page.getByTestId('recall-step-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, 'recall-state')).toBe('Open');
    await page.locator('[data-testid=sign-form] input[name=password]').fill(server.demoPassword);
    await page.getByRole('button', { name: 'Start recovery' }).last().click();
    await expect.poll(() => textOf(page, 'recall-state'), { timeout: 10_000 }).toBe('Recovering');
    expect(await page.locator('[data-testid=recall-steps] tbody tr td:first-child').allTextContents()).toEqual(['Draft → Open', 'Open → Recovering']);
    expect(await page.locator('[data-testid^=recall-to-]').allTextContents()).toEqual(['Close recall']);

    // The online handheld learns of the hold without a reload and stops the lot.
    await expect.poll(pickerScans, { timeout: 10_000 }).toBe('Stop: lot S24110701 is recalled and must not be picked.');

    // Letters: the consignee's NMPA notice, generated on the server as a PDF whose text names its lot, quantity and reply code.
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('recall-letters-issue').click();
    await expect.poll(() => textOf(page, 'letters-status-DIST-BJ'), { timeout: 10_000 }).toBe('Not answered');
    const letters = await captureLetters(page);
    await page.getByTestId('letter-pdf-DIST-BJ-CN-zh-CN').click();
    const letter = await letters.text('?jurisdiction=CN&lang=zh-CN');
    for (const expected of ['医疗器械召回通知', '北京医药分销有限公司', 'S24110701', '100 EA', number]) expect(letter).toContain(expected);
    const code = REPLY_CODE.exec(letter)?.[0];
    expect(letter).toContain(`/reply/${code}`);
    await page.bringToFront();

    // The day the notices went out is recorded: a count of none is refused at the field, then the sending is listed.
    await page.getByTestId('letters-sent-record').click();
    const sent = page.getByTestId('letters-sent-modal');
    await sent.getByLabel('Consignees notified').click();
    await page.keyboard.press('Control+A');
    await typeLikeAPerson(page, '0');
    await sent.getByRole('button', { name: 'Record letters sent' }).click();
    await expect.poll(() => sent.locator('.ant-form-item-explain-error').first().textContent(), { timeout: 10_000 }).toBe('A whole number of consignees, at least 1');
    await sent.getByText('Consignees notified', { exact: true }).click();
    await page.keyboard.press('Control+A');
    await typeLikeAPerson(page, '1');
    await sent.getByRole('button', { name: 'Record letters sent' }).click();
    await expect.poll(() => page.locator('[data-testid=letters-sent-table] tbody tr').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}Letter1NMPA: notify consigneesqa · /)]);

    // The consignee answers by its code on a phone, without an account: 40 destroyed on site, nothing left on hand.
    const phone = await env.browser().newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const reply = await phone.newPage();
    await reply.goto(`${server.url}/reply/${code}`);
    expect(await textOf(reply, 'reply-consignee')).toBe('北京医药分销有限公司');
    await reply.getByLabel('现有库存数量').fill('0');
    await reply.getByLabel('已退回数量').fill('60');
    await reply.getByLabel('已销毁数量').fill('40');
    await reply.getByRole('button', { name: '提交回执' }).click();
    await expect.poll(() => textOf(reply, 'reply-done'), { timeout: 10_000 }).toContain('谢谢。我们已收到您的回执。');
    await phone.close();

    // Until the 60 sent back arrive, 60 of the 100 shipped are a gap, and the case cannot close.
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    await page.getByTestId('recall-reconciliation-refresh').click();
    await expect.poll(() => page.getByTestId('reconciliation-DIST-BJ').getAttribute('data-gap'), { timeout: 10_000 }).toBe('60');
    expect(await textOf(page, 'recall-reconciliation-verdict')).toBe('1 consignee gap(s) stand in the way of closure: 40 of 100 accounted for (40 %).');

    // The returns come back to the dock: the handheld's recall-return mode takes the scanned label and the count typed key by key.
    await picker.getByTestId('nav-receive').click();
    await picker.getByTestId('recall-return-mode').click();
    const caseSelect = picker.locator('select[name=recallCase]');
    await expect.poll(() => caseSelect.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Choose the recall case', `${number} · Recovering`]);
    await caseSelect.selectOption({ label: `${number} · Recovering` });
    await picker.locator('select[name=consignee]').selectOption('DIST-BJ');
    await expect
      .poll(
        async () => {
          await scanLikeAScanner(picker, SYRINGE_LABEL);
          return textOf(picker, 'return-verdict');
        },
        { timeout: 10_000 },
      )
      .toBe(`Lot S24110701 is in the scope of ${number}: counted for it.`);
    await picker.locator('input[name=qty]').click();
    await typeLikeAPerson(picker, '60');
    await picker.getByTestId('save-return').click();
    await expect.poll(() => textOf(picker, 'scan-message'), { timeout: 10_000 }).toBe('60 of lot S24110701 from DIST-BJ saved into QA-HOLD; it syncs when the network allows.');
    await handheld.close();

    // Reconciled: every unit shipped is back or destroyed.
    await expect
      .poll(
        async () => {
          await page.getByTestId('recall-reconciliation-refresh').click();
          return page.getByTestId('reconciliation-DIST-BJ').getAttribute('data-gap');
        },
        { timeout: 15_000 },
      )
      .toBe('0');
    expect(await textOf(page, 'recall-reconciliation-verdict')).toBe('Every unit shipped is accounted for or its gap explained: 100 of 100 (100 %). The case may close.');
    expect(await page.locator('[data-testid=reconciliation-DIST-BJ] td').allTextContents()).toEqual(['DIST-BJ · 北京医药分销有限公司', '100', '60', '40', '0', '0', '0', 'None', expect.stringMatching(/^Answered by reply code, /)]);
    await page.getByTestId('recall-reconciliation').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-reconciled.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // QA has the 60 returned units destroyed, signed and witnessed by a supervisor with their own password.
    const disposition = page.getByTestId('recall-disposition-form');
    await disposition.locator('input[name=dispositionQty]').fill('60');
    await disposition.locator('input[name=witness]').fill('supervisor');
    await disposition.locator('input[name=witnessPassword]').fill(server.demoPassword);
    await disposition.locator('textarea[name=signReason]').fill('Returned units destroyed under witness');
    await disposition.locator('input[name=password]').fill(server.demoPassword);
    await disposition.getByRole('button', { name: 'Sign the disposition' }).click();
    await expect.poll(() => textOf(page, 'recall-disposition-message'), { timeout: 10_000 }).toBe('60 of lot S24110701: Destroy, signed and witnessed.');
    await expect.poll(() => textOf(page, 'recall-dispositions'), { timeout: 10_000 }).toBe('60 destroyed');

    // The closure is signed, and the case says so.
    await page.getByTestId('recall-to-closed').click();
    await page.locator('[data-testid=sign-form] textarea[name=signReason]').fill('All units returned or destroyed; effectiveness checks complete');
    await page.locator('[data-testid=sign-form] input[name=password]').fill(server.demoPassword);
    await page.getByRole('button', { name: 'Close recall' }).last().click();
    await expect.poll(() => textOf(page, 'recall-state'), { timeout: 10_000 }).toBe('Closed');
    expect(await page.locator('[data-testid=recall-steps] tbody tr td:first-child').allTextContents()).toEqual(['Draft → Open', 'Open → Recovering', 'Recovering → Closed']);
    await desk.close();
  });
});
