import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test-support/app';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../../test-support/demo-plant';

// The import routes through app.request(), on PGlite or on PostgreSQL when DATABASE_URL is set.
let plant: DemoPlant;
const BARREL = '06901234000115';
const auth = (token: string, headers: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...headers });
const csv = (rows: string[]) => new TextEncoder().encode(['GTIN,批号,有效期至', ...rows].join('\n'));

async function upload(token: string, content: Uint8Array<ArrayBuffer>, kind = 'lots', fileName = 'lots.csv') {
  return plant.app.request(`/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: auth(token, { 'content-type': 'application/octet-stream' }), body: content });
}

beforeAll(async () => {
  plant = await openDemoPlant('import_routes');
}, 120_000);
afterAll(async () => plant.t.close());

describe('import routes', () => {
  it('take a file from supervision only', async () => {
    const res = await upload(plant.picker, csv([`${BARREL},R-1,2030-01-01`]));
    expect(res.status).toBe(403);
    expect(await plant.count('SELECT 1 FROM import_jobs')).toBe(0);
  });

  it('run upload, dry run, report and an all-or-nothing commit that refuses a bad row and writes nothing', async () => {
    const res = await upload(plant.supervisor, csv([`${BARREL},R-1,2030-01-01`, `${BARREL},R-2,2030-02-30`]));
    expect(res.status).toBe(201);
    const job = (await res.json()) as { id: string; suggestedMapping: Record<string, string>; encoding: string };
    expect(job.suggestedMapping).toEqual({ gtin: 'GTIN', lotNumber: '批号', expiresOn: '有效期至' });

    const dry = await plant.app.request(`/api/imports/${job.id}/dry-run`, { method: 'POST', headers: auth(plant.supervisor, { 'content-type': 'application/json' }), body: JSON.stringify({ mapping: job.suggestedMapping, saveAs: 'legacy-wms' }) });
    expect(dry.status).toBe(200);
    const judged = (await dry.json()) as { summary: { errors: number }; issues: { row: number; field: string; code: string }[] };
    expect(judged.summary.errors).toBe(1);
    expect(judged.issues).toMatchObject([{ row: 3, field: 'expiresOn', code: 'date_syntax' }]);

    const report = await plant.app.request(`/api/imports/${job.id}/report`, { headers: auth(plant.supervisor) });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so Excel reads the Chinese as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('row,status,errors,GTIN,批号,有效期至');
    expect(text).toContain('3,error,error expiresOn (有效期至): date_syntax');

    const lotsBefore = await plant.count('SELECT 1 FROM lots');
    const refused = await plant.app.request(`/api/imports/${job.id}/commit`, { method: 'POST', headers: auth(plant.supervisor, { 'content-type': 'application/json' }), body: '{}' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({ code: 'import_has_errors', details: { row: 3, field: 'expiresOn', column: '有效期至' } });
    expect(await plant.count('SELECT 1 FROM lots')).toBe(lotsBefore);

    const partial = await plant.app.request(`/api/imports/${job.id}/commit`, { method: 'POST', headers: auth(plant.supervisor, { 'content-type': 'application/json' }), body: JSON.stringify({ validOnly: true }) });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ written: 1, skipped: 1, partial: true });

    const profiles = await plant.app.request('/api/imports/profiles?kind=lots', { headers: auth(plant.supervisor) });
    expect(await profiles.json()).toEqual({ profiles: [{ kind: 'lots', name: 'legacy-wms', mapping: job.suggestedMapping }] });
  });

  it('takes a multipart upload', async () => {
    const form = new FormData();
    form.append('file', new File([csv([`${BARREL},R-9,2030-01-01`])], '批次.csv', { type: 'text/csv' }));
    const res = await plant.app.request('/api/imports?kind=lots', { method: 'POST', headers: auth(plant.supervisor), body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: '批次.csv', rows: 1 });
  });

  it('answers a bad file with its code, and a file over the limit with 413', async () => {
    const empty = await upload(plant.supervisor, new Uint8Array());
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ErrorBody).error.code).toBe('empty_file');
    const small = await testApp(plant.t.db, { importBodyLimitBytes: 1024 });
    const big = await small.request('/api/imports?kind=lots&fileName=big.csv', { method: 'POST', headers: auth(plant.supervisor, { 'content-type': 'text/csv' }), body: csv(Array.from({ length: 100 }, (_, i) => `${BARREL},B-${i},2030-01-01`)) });
    expect(big.status).toBe(413);
  });
});
