import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../domain/events';
import { LOT_STATUSES } from '../../domain/lots';
import { openPostgres, type Db } from '../db';
import { addPrinter } from '../printing/printers';
import { leaseJob } from '../printing/queue';
import { serializedLot } from '../printing/test-support';
import { bearer, json } from '../test-support/app';
import { openDemoPlant, type DemoPlant } from '../test-support/demo-plant';
import { onPostgres } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';
import { holdRelayLease, releaseRelayLease } from './lease';
import { eventsAfter, sequenceAll, sequenceEvents, type DomainEvent } from './store';

const SYRINGE = '06901234000016';

let plant: DemoPlant;
let db: Db;
let dock: Handheld;

beforeAll(async () => {
  plant = await openDemoPlant('domain_events');
  db = plant.t.db;
  dock = await enrolAndSignIn(plant.app, 'Outbox dock', 'clerk', plant.password);
});
afterAll(() => plant.t.close());

async function allEvents(): Promise<DomainEvent[]> {
  await sequenceAll(db);
  return eventsAfter(db, 0, 100_000);
}

async function newEvents(since: number): Promise<DomainEvent[]> {
  await sequenceAll(db);
  return eventsAfter(db, since, 100_000);
}

async function head(): Promise<number> {
  const all = await allEvents();
  return all.at(-1)?.position ?? 0;
}

describe('the outbox is written in the transaction of the change', () => {
  it('an op applied from a handheld writes op.applied and the lot it created', async () => {
    const from = await head();
    const op = newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'EV-SYR1', qty: 50, locationCode: 'B-02-01', expiresOn: '2029-01-01' });
    await pushOpsAs(plant.app, dock, [op]);
    const events = await newEvents(from);
    const lotId = await plant.lotId('EV-SYR1');
    expect(events.map((e) => [e.eventType, e.aggregateId])).toEqual(expect.arrayContaining([['lot.created', lotId], ['op.applied', op.id]]));
    const applied = events.find((e) => e.eventType === 'op.applied')!;
    expect(applied).toMatchObject({ aggregateType: 'op', site: 'MAIN', payload: { opId: op.id, type: 'receive', deviceId: dock.deviceId } });
    // lot.created comes first: the lot exists before the op that made it is marked applied.
    expect(events.findIndex((e) => e.eventType === 'lot.created')).toBeLessThan(events.findIndex((e) => e.eventType === 'op.applied'));
  });

  it('an op the server applies with an exception writes op.exception with its outcome', async () => {
    const from = await head();
    const op = newOp(dock, 'move', { gtin: SYRINGE, lotNumber: 'EV-SYR1', qty: 5000, fromLocationCode: 'B-02-01', toLocationCode: 'B-02-02' });
    await pushOpsAs(plant.app, dock, [op]);
    const stored = (await db.query<{ status: string; outcome: unknown }>('SELECT status, outcome FROM ops WHERE id = $1', [op.id])).rows[0]!;
    expect(stored.status).toBe('exception');
    const events = (await newEvents(from)).filter((e) => e.aggregateId === op.id);
    expect(events.map((e) => e.eventType)).toEqual(['op.exception']);
    expect(events[0]!.payload).toMatchObject({ type: 'move', outcome: stored.outcome });
  });

  it('a QC release writes lot.released and the signature, with signer and meaning', async () => {
    const from = await head();
    await plant.release('EV-SYR1');
    const events = await newEvents(from);
    const lotId = await plant.lotId('EV-SYR1');
    expect(events.map((e) => e.eventType)).toEqual(['lot.released', 'signature.recorded']);
    expect(events[0]).toMatchObject({ aggregateType: 'lot', aggregateId: lotId, payload: { lotNumber: 'EV-SYR1', from: 'quarantine', to: 'released' } });
    expect(events[1]).toMatchObject({ aggregateType: 'lot', aggregateId: lotId, payload: { meaning: 'released', signer: 'qa', action: 'lot.status' } });
  });

  it('a rolled-back change writes no event', async () => {
    const from = await head();
    const lotId = await plant.lotId('EV-SYR1');
    const op = newOp(dock, 'move', { gtin: SYRINGE, lotNumber: 'EV-SYR1', qty: 1, fromLocationCode: 'B-02-01', toLocationCode: 'B-02-02' });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ops (id, type, device_id, user_id, device_time, payload, status) VALUES ($1, 'move', $2, $3, now(), $4, 'queued')`, [op.id, dock.deviceId, dock.userId, JSON.stringify(op.payload)]);
        await tx.query(`UPDATE ops SET status = 'applied', applied_at = now() WHERE id = $1`, [op.id]);
        await tx.query(`UPDATE lots SET status = 'on_hold' WHERE id = $1`, [lotId]);
        const inside = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM domain_events WHERE aggregate_id = ANY($1)', [[op.id, lotId]]);
        expect(inside.rows[0]!.n).toBeGreaterThanOrEqual(2);
        throw new Error('the apply failed after its writes');
      }),
    ).rejects.toThrow('the apply failed');
    expect(await newEvents(from)).toEqual([]);
    expect(await plant.count('SELECT 1 FROM domain_events WHERE aggregate_id = $1', [op.id])).toBe(0);
  });

  it('a status change refused by the API writes nothing', async () => {
    const from = await head();
    const lotId = await plant.lotId('EV-SYR1');
    const res = await plant.app.request(`/api/lots/${lotId}/status`, json('POST', { to: 'quarantine', meaning: 'released', reason: 'x', password: plant.password, version: 1 }, plant.qa));
    expect(res.status).toBe(409);
    expect(await newEvents(from)).toEqual([]);
  });

  it('opening a recall writes the case, every lot it holds, and the signatures', async () => {
    const from = await head();
    const opened = await plant.openCase({ kind: 'lot', gtin: SYRINGE, lotNumber: 'EV-SYR1' });
    const events = await newEvents(from);
    expect(events.filter((e) => e.aggregateType === 'recall').map((e) => e.eventType)).toEqual(['recall.draft', 'recall.open']);
    expect(events.find((e) => e.eventType === 'recall.open')!.payload).toMatchObject({ caseId: opened.id, from: 'draft', to: 'open' });
    const held = events.filter((e) => e.aggregateType === 'lot' && e.eventType.startsWith('lot.') && e.eventType !== 'lot.created');
    const heldIds = (await db.query<{ lot_id: string }>('SELECT lot_id FROM recall_holds WHERE case_id = $1', [opened.id])).rows.map((r) => r.lot_id);
    expect(heldIds.length).toBeGreaterThan(0);
    expect(new Set(held.map((e) => e.aggregateId))).toEqual(new Set(heldIds));
    expect(events.some((e) => e.eventType === 'signature.recorded' && e.aggregateId === opened.id)).toBe(true);
  });

  it('print jobs write each state they reach, serial by serial', async () => {
    const printer = await addPrinter(db, { id: null, name: 'test' }, { name: 'Outbox printer', host: '127.0.0.1', port: 9, dpi: 203 }, { allowLocal: true });
    const lotId = await serializedLot(db, 'EV-CVC1');
    const from = await head();
    const res = await plant.app.request('/api/print-jobs', json('POST', { lotId, template: 'lot-gs1', printer: 'Outbox printer', quantity: 2 }, plant.supervisor));
    expect(res.status).toBe(201);
    const { jobIds, serials } = (await res.json()) as { jobIds: string[]; serials: string[] };
    const leased = await leaseJob(db, printer.id, 'outbox-test', 30);
    const events = (await newEvents(from)).filter((e) => e.aggregateType === 'print_job');
    expect(events.map((e) => [e.eventType, e.aggregateId])).toEqual([
      ['print.job.queued', jobIds[0]],
      ['print.job.queued', jobIds[1]],
      ['print.job.printing', leased!.id],
    ]);
    expect(events.map((e) => e.payload.serial)).toEqual([serials[0], serials[1], leased!.serial]);
    expect(events[2]!.payload).toMatchObject({ from: 'queued', to: 'printing', lotId });
  });

  it('writes only event types the catalogue names', async () => {
    const types = new Set((await allEvents()).map((e) => e.eventType));
    for (const type of types) expect(EVENT_TYPES).toContain(type);
    for (const status of LOT_STATUSES) expect(EVENT_TYPES).toContain(`lot.${status}`);
  });

  it('serves events in pages through the API, to supervision only', async () => {
    const first = await plant.app.request('/api/events?after=0&limit=2', bearer(plant.supervisor));
    expect(first.status).toBe(200);
    const page = (await first.json()) as { events: DomainEvent[]; next: number };
    expect(page.events.map((e) => e.position)).toEqual([1, 2]);
    expect(page.next).toBe(2);
    const second = (await (await plant.app.request(`/api/events?after=${page.next}&limit=2`, bearer(plant.supervisor))).json()) as { events: DomainEvent[] };
    expect(second.events[0]!.position).toBe(3);
    expect((await plant.app.request('/api/events', bearer(plant.picker))).status).toBe(403);
    const bad = await plant.app.request('/api/events?after=-1', bearer(plant.supervisor));
    expect(bad.status).toBe(400);
  });
});

describe('positions follow commits, per aggregate', () => {
  it.skipIf(!onPostgres())('places the later change of a lot after the earlier one, though its transaction began first', async () => {
    // Two connections: the first transaction takes its xid (and an earlier event id) before the
    // second has begun, yet changes the lot only after the second committed its change.
    const other = await openPostgres({ connectionString: plant.t.postgres!.url, schema: plant.t.postgres!.schema });
    try {
      const from = await head();
      const lotId = await plant.lotId('EV-SYR1');
      const before = (await db.query<{ status: string }>('SELECT status FROM lots WHERE id = $1', [lotId])).rows[0]!.status;
      let proceed!: () => void;
      const secondDone = new Promise<void>((resolve) => (proceed = resolve));
      let tookXid!: () => void;
      const firstStarted = new Promise<void>((resolve) => (tookXid = resolve));
      const first = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO recall_case_events (case_id, kind, happened_on, recorder_name) SELECT id, 'letters_sent', current_date, 'test' FROM recall_cases LIMIT 1`);
        tookXid();
        await secondDone;
        await tx.query(`UPDATE lots SET status = 'scrapped' WHERE id = $1`, [lotId]);
      });
      await firstStarted;
      await other.transaction(async (tx) => {
        await tx.query(`UPDATE lots SET status = 'on_hold' WHERE id = $1`, [lotId]);
      });
      // A sequencer that runs now places the committed change and leaves the open one unplaced.
      await sequenceEvents(db);
      const midway = await eventsAfter(db, from, 100);
      expect(midway.filter((e) => e.aggregateId === lotId).map((e) => e.eventType)).toEqual(['lot.on_hold']);
      proceed();
      await first;
      const after = await newEvents(midway.at(-1)!.position);
      const lotEvents = [...midway, ...after].filter((e) => e.aggregateId === lotId);
      expect(lotEvents.map((e) => [e.eventType, e.payload.from])).toEqual([['lot.on_hold', before], ['lot.scrapped', 'on_hold']]);
      expect(after.some((e) => e.eventType === 'recall.letters_sent')).toBe(true);
      // The letters event was inserted first, yet is placed after the change committed before it.
      const ids = await db.query<{ id: string; event_type: string }>('SELECT id::text, event_type FROM domain_events WHERE position > $1 ORDER BY position', [from]);
      expect(ids.rows.map((r) => r.event_type)).toEqual(['lot.on_hold', 'recall.letters_sent', 'lot.scrapped']);
      expect(Number(ids.rows[1]!.id)).toBeLessThan(Number(ids.rows[0]!.id));
    } finally {
      await other.close();
    }
  });

  it('keeps positions dense and each event placed once across concurrent sequencers', async () => {
    await db.query(`UPDATE lots SET updated_at = now()`); // no status change: no event
    const from = await head();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await tx.query(`INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('lot', $1, 'lot.released', '{}')`, [`seq-${i % 3}`]);
    });
    await Promise.all([sequenceEvents(db, 7), sequenceEvents(db, 7), sequenceEvents(db, 7)]);
    const events = await newEvents(from);
    expect(events.map((e) => e.position)).toEqual(Array.from({ length: 30 }, (_, i) => from + 1 + i));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(30);
  });
});

describe('the outbox is append-only', () => {
  it('refuses to change, re-place or delete an event once written', async () => {
    const placed = (await allEvents())[0]!;
    await expect(db.query(`UPDATE domain_events SET payload = '{}' WHERE event_id = $1`, [placed.eventId])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE domain_events SET position = position + 100000 WHERE event_id = $1`, [placed.eventId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM domain_events WHERE event_id = $1`, [placed.eventId])).rejects.toThrow(/append-only/);
    expect((await eventsAfter(db, placed.position - 1, 1))[0]).toEqual(placed);
  });
});

describe('one relay at a time', () => {
  it('leases to one owner until it lets go or its lease runs out', async () => {
    expect(await holdRelayLease(db, 'instance-a', 0.3)).toBe(true);
    expect(await holdRelayLease(db, 'instance-b', 0.3)).toBe(false);
    expect(await holdRelayLease(db, 'instance-a', 0.3)).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(await holdRelayLease(db, 'instance-b', 30)).toBe(true);
    expect(await holdRelayLease(db, 'instance-a', 30)).toBe(false);
    await releaseRelayLease(db, 'instance-a'); // not the holder: nothing happens
    expect(await holdRelayLease(db, 'instance-a', 30)).toBe(false);
    await releaseRelayLease(db, 'instance-b');
    expect(await holdRelayLease(db, 'instance-a', 30)).toBe(true);
    await releaseRelayLease(db, 'instance-a');
  });
});
