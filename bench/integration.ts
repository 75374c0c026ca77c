import { loadavg } from 'node:os';
import { PG_URL } from './databases';
import { measureEpcisExport, measureImport } from './integration-data';
import { measureOutbox } from './integration-outbox';
import { mergeResults, option, readResults, printTable, runsOption, spreadCell, spreadFigures } from './report';

/**
 * `npm run bench -- integration [--runs N] [--only outbox,...] [--devices N] [--ops N] [--burst N]
 * [--on postgres,pglite]`: the integration surface under load, one section per part of it. A section
 * measures, prints its table rows and returns its figures; a section that could not run (its
 * component unreachable) returns null figures with the reason. Sections not run this time keep
 * the figures an earlier run wrote; a figure no section has measured yet is written as null with
 * a note, never guessed.
 */

export interface SectionContext {
  runs: number;
  args: readonly string[];
  log: (line: string) => void;
}

export interface SectionResult {
  /** Table rows: measure, median (min–max), target. */
  rows: string[][];
  figures: Record<string, unknown>;
}

export interface Section {
  name: string;
  /** The headline keys of bench/results/integration.json this section owns. */
  keys: string[];
  run(ctx: SectionContext): Promise<SectionResult>;
}

function wholeNumber(args: readonly string[], name: string, fallback: number, min: number): number {
  const n = Number(option(args, name) ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
  return n;
}

const outbox: Section = {
  name: 'outbox',
  keys: ['outbox_events_per_s', 'jetstream_floor_per_s', 'outbox_lag_p95_ms'],
  async run({ runs, args, log }) {
    const devices = wholeNumber(args, 'devices', 20, 1);
    const opsPerDevice = wholeNumber(args, 'ops', 500, 10);
    const burst = wholeNumber(args, 'burst', 20_000, 100);
    const kinds = (option(args, 'on') ?? 'postgres').split(',');
    for (const kind of kinds) if (kind !== 'postgres' && kind !== 'pglite') throw new Error('--on takes postgres, pglite or both');
    const rows: string[][] = [];
    const figures: Record<string, unknown> = {};
    for (const kind of kinds as ('postgres' | 'pglite')[]) {
      const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
      log(`outbox on ${label}: ${devices} handhelds x ${opsPerDevice} ops pushed at once, relay to JetStream; a burst of ${burst.toLocaleString('en-US')} events in one transaction; the same messages published directly as the floor; ${runs} runs...`);
      // The machine is shared: how busy it was is part of the figure.
      const loadAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
      const f = await measureOutbox({ pgUrl: PG_URL, runs, devices, opsPerDevice, burst, kind, log });
      if (kind === 'postgres') {
        if (!f) {
          Object.assign(figures, { outbox_events_per_s: null, jetstream_floor_per_s: null, outbox_lag_p95_ms: null, outbox_note: 'not measured: NATS or PostgreSQL unreachable' });
          continue;
        }
        Object.assign(figures, {
          ...spreadFigures('outbox_events_per_s', f.eventsPerS, 0),
          ...spreadFigures('jetstream_floor_per_s', f.floorPerS, 0),
          ...spreadFigures('outbox_lag_p95_ms', f.lagP95Ms, 1),
          ...spreadFigures('outbox_lag_p50_ms', f.lagP50Ms, 1),
          ...spreadFigures('outbox_lag_max_ms', f.lagMaxMs, 1),
          ...spreadFigures('outbox_ingest_ops_per_s', f.ingestOpsPerS, 0),
          ...spreadFigures('outbox_burst_events_per_s', f.burstEventsPerS, 0),
          ...spreadFigures('jetstream_sequential_per_s', f.floorSequentialPerS, 0),
          ...spreadFigures('outbox_event_loop_delay_p95_ms', f.eventLoopDelayP95Ms, 1),
          load_average_at_start: loadAtStart,
          outbox_devices: f.devices,
          outbox_ops_per_device: f.opsPerDevice,
          outbox_events_per_run: f.events,
          outbox_burst_events: f.burstEvents,
          outbox_clock_uncertainty_ms: f.clockUncertaintyMs,
          outbox_lag_measured_as:
            'commit: clock_timestamp() in a deferred (at-COMMIT) trigger on domain_events, PostgreSQL on this host; published: the JetStream stored timestamp of the message, NATS on this host; both read the same system clock',
          outbox_runs: runs,
        });
      } else if (f) {
        Object.assign(figures, {
          ...spreadFigures('outbox_pglite_events_per_s', f.eventsPerS, 0),
          ...spreadFigures('outbox_pglite_lag_p95_ms', f.lagP95Ms, 1),
          ...spreadFigures('outbox_pglite_burst_events_per_s', f.burstEventsPerS, 0),
          ...spreadFigures('jetstream_floor_pglite_run_per_s', f.floorPerS, 0),
          outbox_pglite_load_average_at_start: loadAtStart,
          outbox_pglite_runs: runs,
          outbox_pglite_ops_per_device: f.opsPerDevice,
          outbox_pglite_burst_events: f.burstEvents,
        });
      }
      if (!f) continue;
      rows.push(
        [`${label}: ingest of ${devices} devices, ops/s`, spreadCell(f.ingestOpsPerS, 0), ''],
        [`${label}: outbox events/s published under ingest (${f.events.toLocaleString('en-US')} events a run)`, spreadCell(f.eventsPerS, 0), ''],
        [`${label}: commit-to-publish lag p50, ms`, spreadCell(f.lagP50Ms, 1), ''],
        [`${label}: commit-to-publish lag p95, ms`, spreadCell(f.lagP95Ms, 1), '<= 500'],
        [`${label}: commit-to-publish lag max, ms`, spreadCell(f.lagMaxMs, 1), ''],
        [`${label}: server event-loop delay p95 during ingest, ms`, spreadCell(f.eventLoopDelayP95Ms, 1), ''],
        [`${label}: burst of ${f.burstEvents.toLocaleString('en-US')} events drained, events/s`, spreadCell(f.burstEventsPerS, 0), ''],
        [`${label}: floor, JetStream publish pipelined (same messages), msg/s`, spreadCell(f.floorPerS, 0), ''],
        [`${label}: floor, JetStream publish one ack at a time, msg/s`, spreadCell(f.floorSequentialPerS, 0), ''],
      );
      if (kind === 'postgres' && f.lagP95Ms.median > 500) process.exitCode = 1;
    }
    return { rows, figures };
  },
};

const legacyImport: Section = {
  name: 'import',
  keys: ['import_rows_per_s'],
  async run({ runs, args, log }) {
    const rows = wholeNumber(args, 'rows', 100_000, 100);
    log(`import on PostgreSQL: ${rows.toLocaleString('en-US')} lot rows, dry run and commit, beside one bare INSERT of the same rows; ${runs} runs...`);
    const f = await measureImport(rows, runs, log);
    if (rows === 100_000 && f.totalS.median > 60) process.exitCode = 1;
    return {
      rows: [
        [`import of ${rows.toLocaleString('en-US')} lot rows, rows/s`, spreadCell(f.rowsPerS, 0), ''],
        [`  dry run, s`, spreadCell(f.dryRunS, 1), ''],
        [`  commit, s`, spreadCell(f.commitS, 1), ''],
        [`  dry run + commit, s`, spreadCell(f.totalS, 1), '<= 60 (100k rows)'],
        [`floor: the same rows in one bare INSERT, rows/s`, spreadCell(f.floorRowsPerS, 0), ''],
      ],
      figures: {
        ...spreadFigures('import_rows_per_s', f.rowsPerS, 0),
        ...spreadFigures('import_dry_run_s', f.dryRunS, 2),
        ...spreadFigures('import_commit_s', f.commitS, 2),
        ...spreadFigures('import_total_s', f.totalS, 2),
        ...spreadFigures('import_floor_rows_per_s', f.floorRowsPerS, 0),
        import_rows: rows,
        import_load_average_at_start: loadavg().map((n) => Math.round(n * 100) / 100),
      },
    };
  },
};

const epcisExport: Section = {
  name: 'epcis',
  keys: ['epcis_events_per_s'],
  async run({ runs, args, log }) {
    const rows = wholeNumber(args, 'events', 100_000, 100);
    log(`EPCIS export on PostgreSQL: ${rows.toLocaleString('en-US')} imported lots with their stock, every event mapped and hashed, beside reading the same facts; ${runs} runs...`);
    const f = await measureEpcisExport(rows, runs, log);
    return {
      rows: [
        [`EPCIS export of ${f.events.toLocaleString('en-US')} events, events/s`, spreadCell(f.eventsPerS, 0), ''],
        [`floor: the same ledger facts read, facts/s`, spreadCell(f.floorFactsPerS, 0), ''],
      ],
      figures: { ...spreadFigures('epcis_events_per_s', f.eventsPerS, 0), ...spreadFigures('epcis_floor_facts_per_s', f.floorFactsPerS, 0), epcis_events: f.events },
    };
  },
};

/** Figures a section owns that an earlier run may not have measured; null with the reason until then. */
const NOT_YET_MEASURED: Record<string, string> = {
  epcis_events_per_s: 'not measured yet: npm run bench -- integration --only epcis',
  import_rows_per_s: 'not measured yet: npm run bench -- integration --only import',
};

export const SECTIONS: Section[] = [outbox, legacyImport, epcisExport];

export async function run(args: string[]): Promise<void> {
  const runs = runsOption(args);
  const only = new Set((option(args, 'only') ?? SECTIONS.map((s) => s.name).join(',')).split(','));
  for (const name of only) if (!SECTIONS.some((s) => s.name === name)) throw new Error(`--only takes ${SECTIONS.map((s) => s.name).join(', ')}`);
  const log = (line: string) => console.log(line);
  const rows: string[][] = [];
  const figures: Record<string, unknown> = { runs };
  for (const section of SECTIONS.filter((s) => only.has(s.name))) {
    const result = await section.run({ runs, args, log });
    rows.push(...result.rows);
    Object.assign(figures, result.figures, { [`${section.name}_measured_at`]: new Date().toISOString() });
  }
  printTable(`Integration: median (min–max) of ${runs} runs`, ['measure', 'value', 'target'], rows);
  // A headline figure no section has measured yet stays null, with the reason beside it.
  const earlier = readResults('integration');
  for (const [key, note] of Object.entries(NOT_YET_MEASURED)) {
    const measured = typeof figures[key] === 'number' || typeof earlier[key] === 'number';
    // A note left by an earlier run goes once the figure exists (undefined is not written).
    Object.assign(figures, measured ? { [`${key}_note`]: undefined } : { [key]: null, [`${key}_note`]: note });
  }
  const file = mergeResults('integration', figures);
  console.log(`\nfigures written to ${file}`);
}
