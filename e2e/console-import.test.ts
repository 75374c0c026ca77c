import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { openConsole } from './support/session';

/** A supervisor imports a legacy lot file: maps it, reads the dry run, and writes only the valid rows. */
const env = e2eEnvironment();
const SHOTS = join(tmpdir(), 'lotline-console-screens');

const LEGACY = [
  '商品条码,批号,生产日期,有效期至,状态,检验记录,备注',
  '06901234000115,E2E-001,2025-01-05,2030-01-05,放行,QC-2025-01,',
  '06901234000115,e2e-001,2025-01-05,2030-01-05,待检,,typed in lower case',
  '06901234000115,E2E-002,2025-02-01,2030-02-01,放行,,no QC record',
  '06901234000116,E2E-003,2025-02-01,2030-02-01,待检,,bad check digit',
  '06901234000016,E2E-004,2025-03-01,2025-02-30,待检,,no such day',
].join('\r\n');

describe('console import page', () => {
  it('maps the Chinese columns, reports each row, groups the near duplicate, and writes only the valid rows when asked', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'supervisor', { page: 'import' });
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles({ name: 'legacy-lots.csv', mimeType: 'text/csv', buffer: Buffer.from(LEGACY, 'utf8') });
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-file').textContent()).toContain('legacy-lots.csv: 5 rows');
    expect(await page.getByTestId('import-map-lotNumber').textContent()).toContain('批号');
    expect(await page.getByTestId('import-map-expiresOn').textContent()).toContain('有效期至');

    await page.getByTestId('import-dry-run-button').click();
    await page.getByTestId('import-dry-run').waitFor();
    const issues = page.getByTestId('import-issues');
    await expect.poll(() => issues.textContent()).toContain('gtin_check_digit');
    const text = (await issues.textContent())!;
    expect(text).toContain('released_without_qc');
    expect(text).toContain('date_syntax');
    expect(text).toContain('near_duplicate');
    expect(await page.getByTestId('import-duplicates').textContent()).toContain('Keep row 2');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'en-US-import-dry-run-1280.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('import-valid-only').click();
    await page.getByTestId('import-commit').click();
    const done = page.getByTestId('import-committed');
    await done.waitFor();
    expect(await done.textContent()).toContain('Partial import: 3 rows written, 2 rows with errors left out.');
    await context.close();
  });

  it('reads in Chinese', async () => {
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'supervisor', { page: 'import', context: { locale: 'zh-CN' } });
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles({ name: '批次.csv', mimeType: 'text/csv', buffer: Buffer.from(LEGACY.replaceAll('E2E-', 'ZH-'), 'utf8') });
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-dry-run-button').click();
    await page.getByTestId('import-dry-run').waitFor();
    expect(await page.getByTestId('import-readiness').textContent()).toContain('召回就绪度');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'zh-CN-import-dry-run-1280.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
