import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openConsole } from './support/session';
import { openRecallCase } from './support/recall';
import { textOf } from './support/text';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

/** Picks the consignee a contact or a check is about from the form's drop-down. */
async function chooseConsignee(page: Page, form: Locator, code: string): Promise<void> {
  await form.getByRole('combobox', { name: 'Consignee' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: code }).click();
}

describe('recall effectiveness checks', () => {
  it('QA draws the consignees to check, records a late letter that makes the next step overdue and a check result, and the audit keeps each step', async () => {
    const server = env.server();
    mkdirSync(SHOTS, { recursive: true });

    // An open case at level A on the demo's finished syringe lot, shipped to DIST-BJ.
    const qaToken = await apiToken(server, 'qa', server.demoPassword);
    const made = { case: await openRecallCase(server, qaToken) };

    const { context: desk, page } = await openConsole(env.browser(), server, 'qa');
    await page.getByTestId('nav-recall').click();
    await page.getByRole('button', { name: made.case.number }).click();
    await page.getByRole('tab', { name: 'Effectiveness checks' }).click();
    const section = page.getByTestId('recall-effectiveness');
    await section.getByTestId('effectiveness-draw').waitFor({ timeout: 10_000 });
    await section.getByLabel('Seed (the case id unless given)').fill('board 2026-11-30');
    await section.getByTestId('effectiveness-draw').click();
    await page.getByTestId('effectiveness-table').waitFor({ timeout: 10_000 });
    expect(await textOf(page, 'effectiveness-draw-summary')).toMatch(/^\d+ of \d+ consignees drawn at level A \(100 %\), seed “board 2026-11-30”, by qa at /);
    expect(await textOf(page, 'effectiveness-reply-DIST-BJ')).toBe('No reply');
    expect(await textOf(page, 'effectiveness-next-DIST-BJ')).toBe('Overdue: Recall letter');

    // The recall letter went out twelve days ago and nobody answered: the repeat contact is overdue.
    const twelveDaysAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 12 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} 09:30`;
    });
    const contact = page.getByTestId('effectiveness-contact-form');
    await chooseConsignee(page, contact, 'DIST-BJ');
    await contact.getByRole('radio', { name: 'Recall letter', exact: true }).check();
    await contact.getByRole('radio', { name: 'Letter', exact: true }).check();
    await contact.getByLabel('When (now if left empty)').click();
    await typeLikeAPerson(page, twelveDaysAgo);
    // On to the next field, as a person does: Enter would send the form before the note is written.
    await page.keyboard.press('Tab');
    await contact.getByLabel('Note').fill('posted with the notice');
    await contact.getByTestId('effectiveness-contact-submit').click();
    await expect.poll(() => textOf(page, 'effectiveness-notice')).toBe('Contact with DIST-BJ recorded.');
    expect(await textOf(page, 'effectiveness-contact-DIST-BJ')).toMatch(/^Recall letter · /);
    expect(await textOf(page, 'effectiveness-next-DIST-BJ')).toMatch(/^Overdue: Repeat contact, due since /);

    // The checker reached the distributor: it had the notice but kept three units.
    const check = page.getByTestId('effectiveness-check-form');
    await chooseConsignee(page, check, 'DIST-BJ');
    await check.getByRole('radio', { name: 'Phone', exact: true }).check();
    await check.locator('label:has(input[name=check-received][value=yes])').click();
    await check.locator('label:has(input[name=check-followed][value=no])').click();
    await check.getByLabel('Quantity on hand found').fill('3');
    await check.getByTestId('effectiveness-check-submit').click();
    await expect.poll(() => textOf(page, 'effectiveness-notice')).toBe('Check of DIST-BJ recorded.');
    expect(await textOf(page, 'effectiveness-check-DIST-BJ')).toMatch(/^notice received · instructions not followed · 3 on hand \(/);

    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-effectiveness.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The same section in Chinese: the overdue step says so in words.
    await page.locator('.ant-segmented [lang="zh-CN"]').click();
    await expect.poll(() => textOf(page, 'effectiveness-next-DIST-BJ')).toMatch(/^已逾期：再次联系，自 .+ 起到期$/);
    expect(await textOf(page, 'effectiveness-reply-DIST-BJ')).toBe('未答复');
    expect(await textOf(page, 'effectiveness-notice')).toBe('已登记对 DIST-BJ 的检查。');
    expect(await textOf(page, 'effectiveness-check-DIST-BJ')).toMatch(/^已收到通知 · 未按要求执行 · 现有 3 \(/);
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-recall-effectiveness-zh.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The dashboard's worklist has the overdue follow-up, and the server kept every step with its time.
    const due = await apiCall<{ escalations: { caseNumber: string; code: string; escalation: { state: string; next: string } }[] }>(server, '/api/recalls/escalations', { token: qaToken });
    expect(due.escalations.filter((e) => e.caseNumber === made.case.number && e.code === 'DIST-BJ').map((e) => [e.escalation.state, e.escalation.next])).toEqual([['due', 'repeat_contact']]);
    const stored = await apiCall<{ consignees: { code: string; contacts: { step: string; note: string }[]; checks: { onHand: number }[] }[] }>(server, `/api/recalls/${made.case.id}/effectiveness`, { token: qaToken });
    expect(stored.consignees.find((c) => c.code === 'DIST-BJ')).toMatchObject({ contacts: [{ step: 'letter', note: 'posted with the notice' }], checks: [{ onHand: 3 }] });
    await desk.close();
  });
});
