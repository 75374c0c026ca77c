import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyPackOp, currentParent, judgeLabelScan, judgePackOp, labelContent, packRefusal, parentOfSerial, unpackRefusal, type Hierarchy, type PackChild, type PackOp } from '../../domain/packaging';
import type { LotDoc } from '../../sync';
import { ActionBar } from '../components/ActionBar';
import { ContainerLabel } from '../components/ContainerLabel';
import { ContainerView } from '../components/ContainerView';
import { NewContainerLabel } from '../components/NewContainerLabel';
import { OpList } from '../components/OpList';
import { useScanMessage } from '../components/ScanMessage';
import { useContainerLabel } from '../hooks/useContainerLabel';
import { usePackHierarchy } from '../hooks/usePackHierarchy';
import { describeScanProblem } from '../i18n/scan-problem';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { queueOp } from '../sync/queue-op';
import { readLabelScan } from './pack-label';
import { fillOf, holderOfLot, newContainer, unitLine } from './pack-plan';
import { describeLabelDifferences } from './pack-refusal';
import { describeChild, describePackRefusal } from './pack-refusal';
import { isSscc, readPackScan } from './pack-scan';

type Mode = 'pack' | 'unpack';

/** A lot label without a serial: it waits for the quantity typed (and, to unpack, the one container holding it). */
interface WaitingLot {
  lot: LotDoc;
  from: string | null;
}

/** A reprinted label being scanned back: the elements read so far off its barcodes. */
interface Verifying {
  sscc: string;
  seen: { ai: string; value: string }[];
}

/**
 * Packing cases and pallets by scanning, offline: the container's SSCC first (its spec chosen when
 * it is new), then each unit label or case SSCC that goes in. Every scan is judged here against
 * the containers this handheld knows, so a refusal is heard at once; the server judges the op
 * again when it arrives. Unpacking takes only the child: where it sits says where from.
 */
export function PackScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const { hierarchy, specs, lotOf, ready } = usePackHierarchy();
  const [mode, setMode] = useState<Mode>('pack');
  const [parent, setParent] = useState<string | null>(null);
  const [specName, setSpecName] = useState('');
  const [typed, setTyped] = useState('');
  const [qty, setQty] = useState('');
  const [waiting, setWaiting] = useState<WaitingLot | null>(null);
  const [verifying, setVerifying] = useState<Verifying | null>(null);
  const [message, say] = useScanMessage();
  const qtyInput = useRef<HTMLInputElement>(null);
  // A scan right after a queued op must see that op even before the local query answers again.
  const latest = useRef<Hierarchy>(hierarchy);
  useEffect(() => {
    latest.current = hierarchy;
  }, [hierarchy]);

  // The quantity field appears with the lot waiting for it: the packer types straight away.
  useEffect(() => {
    if (waiting) qtyInput.current?.focus();
  }, [waiting]);

  const isNew = parent !== null && !hierarchy.has(parent);
  const spec = specs.find((s) => s.name === specName) ?? null;
  const label = useContainerLabel(parent && !isNew ? parent : null, parent ? (hierarchy.get(parent)?.version ?? null) : null);

  function who() {
    const device = loadDevice();
    return db && device?.id ? { deviceId: device.id, userId: session.user.id } : null;
  }

  function payloadChild(child: PackChild) {
    return child.kind === 'container' ? { sscc: child.sscc } : { gtin: child.line.gtin, lotNumber: child.line.lotNumber, serial: child.line.serial, qty: child.line.qty };
  }

  async function pack(child: PackChild) {
    const by = who();
    if (!db || !by) return say('error', t('errors.device_unknown'));
    if (!parent) return say('error', t('pack.scanParent'));
    let h = latest.current;
    const opening = !h.has(parent);
    if (opening) {
      if (!spec) return say('error', t('pack.specFirst', { sscc: parent }));
      h = new Map(h).set(parent, newContainer(parent, spec));
    }
    const name = describeChild(t, child);
    const refusal = packRefusal(h, parent, child);
    if (refusal) return say('error', t('pack.refused', { child: name, reason: describePackRefusal(t, h, parent, child, refusal) }));
    const op: PackOp = { action: 'pack', parent, child, seenParent: currentParent(h, child) ?? null };
    const verdict = judgePackOp(h, op);
    if (verdict.verdict === 'refuse') return say('error', t('pack.refused', { child: name, reason: describePackRefusal(t, h, parent, child, verdict.refusal) }));
    if (verdict.verdict === 'conflict') return say('error', t('pack.refused', { child: name, reason: t('pack.reason.child_in_other_parent', { other: verdict.currentParent }) }));
    await queueOp(db, by, 'pack', { parent, ...(opening ? { spec: spec!.name } : {}), child: payloadChild(child), seenParent: op.seenParent });
    latest.current = applyPackOp(h, op).hierarchy;
    const fill = fillOf(latest.current, parent)!;
    say('good', t('pack.packed', { child: name, parent, count: fill.count, capacity: fill.capacity }));
  }

  async function unpack(from: string, child: PackChild) {
    const by = who();
    if (!db || !by) return say('error', t('errors.device_unknown'));
    const h = latest.current;
    const name = describeChild(t, child);
    const op: PackOp = { action: 'unpack', parent: from, child, seenParent: from };
    const refusal = unpackRefusal(h, from, child);
    if (refusal) return say('error', t('pack.notUnpacked', { child: name, reason: describePackRefusal(t, h, from, child, refusal) }));
    await queueOp(db, by, 'unpack', { parent: from, child: payloadChild(child) });
    latest.current = applyPackOp(h, op).hierarchy;
    setParent(from);
    say('good', t('pack.unpacked', { child: name, parent: from }));
  }

  async function onSscc(sscc: string) {
    setWaiting(null);
    if (mode === 'unpack') {
      const from = latest.current.get(sscc)?.parent ?? null;
      if (!from) return say('error', t('pack.notInAny', { child: sscc }));
      return unpack(from, { kind: 'container', sscc });
    }
    if (!parent) {
      setParent(sscc);
      setSpecName('');
      return say('good', t(latest.current.has(sscc) ? 'pack.parentSet' : 'pack.parentNew', { sscc }));
    }
    if (sscc === parent) return say('warning', t('pack.parentSet', { sscc }));
    return pack({ kind: 'container', sscc });
  }

  /** A scan while a reprinted label is checked: judged against what the container holds now. */
  async function checkLabel(scan: string, check: Verifying) {
    const by = who();
    if (!db || !by) return say('error', t('errors.device_unknown'));
    const read = readLabelScan(scan);
    if (!read) return say('error', t('pack.label.notALabel'));
    const container = latest.current.get(check.sscc);
    if (!container) return say('error', t('pack.reason.unknown_container', { sscc: check.sscc }));
    const seen = [...check.seen, ...read];
    const verdict = judgeLabelScan({ sscc: check.sscc, content: labelContent(latest.current, check.sscc) }, seen);
    if (verdict.verdict === 'mismatch') {
      // Start again from the next scan: a wrong label's other barcode proves nothing of the right one.
      setVerifying({ sscc: check.sscc, seen: [] });
      return say('error', t('pack.label.mismatch', { differences: describeLabelDifferences(t, verdict.differences) }));
    }
    if (verdict.verdict === 'incomplete') {
      setVerifying({ sscc: check.sscc, seen });
      return say('warning', t('pack.label.scanMore', { missing: verdict.missing.map((f) => t(`pack.label.fields.${f}`)).join(', ') }));
    }
    await queueOp(db, by, 'label_verified', { sscc: check.sscc, version: container.version });
    setVerifying(null);
    say('good', t('pack.label.verified', { sscc: check.sscc, version: container.version }));
  }

  async function reprint(printer: string) {
    const by = who();
    if (!db || !by || !parent) return say('error', t('errors.device_unknown'));
    const version = latest.current.get(parent)?.version ?? 0;
    // An empty container's label is drawn as a new one: there is no changed version to name.
    await queueOp(db, by, 'print_sscc', { sscc: parent, printer, size: '4x6', ...(version > 0 ? { forVersion: version } : {}) });
    setWaiting(null);
    setVerifying({ sscc: parent, seen: [] });
    say('good', t('pack.label.queued', { sscc: parent, version, printer }));
  }

  async function onScan(scan: string) {
    if (!lotStore) return;
    if (verifying) return checkLabel(scan, verifying);
    const read = readPackScan(scan);
    if (read.kind === 'bad') return say('error', t('receive.badScan', { reason: describeScanProblem(t, read.error) }));
    if (read.kind === 'other') return say('error', t('pack.wrongScan'));
    if (read.kind === 'sscc') return onSscc(read.sscc);
    const { label } = read;
    const lot = lotStore.lotByLabel(label.gtin, label.lotNumber);
    if (!lot) return say('error', t('pack.reason.unknown_lot', { lot: label.lotNumber }));
    if (label.serial === null) {
      let from: string | null = null;
      if (mode === 'unpack') {
        const holders = holderOfLot(latest.current, lot.gtin, lot.lotNumber);
        if (holders.length === 0) return say('error', t('pack.notInAny', { child: lot.lotNumber }));
        if (holders.length > 1) return say('error', t('pack.lotInSeveral', { lot: lot.lotNumber, count: holders.length }));
        from = holders[0]!;
      } else if (!parent) return say('error', t('pack.scanParent'));
      setWaiting({ lot, from });
      setQty(label.qty ? String(label.qty) : '');
      return say('warning', t('pack.qtyLot', { lot: lot.lotNumber }));
    }
    setWaiting(null);
    const child: PackChild = { kind: 'units', line: unitLine({ gtin: lot.gtin, lotNumber: lot.lotNumber, serial: label.serial, qty: 1 }, lotOf) };
    if (mode === 'pack') return pack(child);
    const from = parentOfSerial(latest.current, lot.gtin, label.serial);
    if (!from) return say('error', t('pack.notInAny', { child: label.serial }));
    return unpack(from, child);
  }
  useWedgeScan(onScan, { ready: ready && db !== null && lotStore !== null });

  async function packQuantity(event: FormEvent) {
    event.preventDefault();
    if (!waiting) return say('error', t('pack.scanChildren'));
    const amount = Number(qty);
    if (!(amount > 0)) return say('error', t('receive.qtyRequired'));
    const child: PackChild = { kind: 'units', line: unitLine({ gtin: waiting.lot.gtin, lotNumber: waiting.lot.lotNumber, serial: null, qty: amount }, lotOf) };
    if (mode === 'unpack' && waiting.from) await unpack(waiting.from, child);
    else await pack(child);
    setWaiting(null);
    setQty('');
  }

  function takeTyped(event: FormEvent) {
    event.preventDefault();
    const text = typed.trim();
    // While a new label is checked, its SSCC typed off the human-readable line counts as a scan of it.
    if (verifying) {
      setTyped('');
      return void checkLabel(text, verifying);
    }
    if (!isSscc(text)) return say('error', t('pack.badSscc', { text }));
    setTyped('');
    void onSscc(text);
  }

  async function startLabelled(sscc: string, printer: string) {
    const by = who();
    if (!db || !by) return say('error', t('errors.device_unknown'));
    await queueOp(db, by, 'print_sscc', { sscc, printer, size: '4x6' });
    setWaiting(null);
    setParent(sscc);
    setSpecName('');
    say('good', t('pack.labelQueued', { sscc, printer }));
  }

  function switchMode(next: Mode) {
    setMode(next);
    setVerifying(null);
    setWaiting(null);
    setQty('');
    if (next === 'unpack') setParent(null);
  }

  return (
    <section className="screen pack" data-testid="pack-screen">
      <h2>{t('pack.title')}</h2>
      <div className="actions" role="group" aria-label={t('pack.mode')}>
        {(['pack', 'unpack'] as const).map((m) => (
          <button key={m} type="button" className={mode === m ? 'primary' : 'secondary'} aria-pressed={mode === m} onClick={() => switchMode(m)} data-testid={`pack-mode-${m}`}>
            {t(`pack.modes.${m}`)}
          </button>
        ))}
      </div>
      <form className="inline-form" onSubmit={takeTyped} data-testid="pack-typed">
        <input name="sscc" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t('pack.typedSscc')} placeholder={t('pack.typedSscc')} autoComplete="off" />
        <button type="submit" className="secondary">
          {t('pack.use')}
        </button>
      </form>
      {mode === 'pack' && parent === null && <NewContainerLabel sessionToken={session.token} onNew={startLabelled} />}
      <div className={`field-card ${parent ? 'filled' : ''}`}>
        <span className="field-label">{t('pack.parent')}</span>
        {parent ? <strong data-testid="pack-parent">{parent}</strong> : <span className="hint">{t(mode === 'pack' ? 'pack.scanParent' : 'pack.scanChildrenUnpack')}</span>}
      </div>
      <form id="pack-form" onSubmit={(e) => void packQuantity(e)} className="receive-form">
        {mode === 'pack' && isNew && (
          <label>
            <span className="field-label">{t('pack.spec')}</span>
            <select name="spec" value={specName} onChange={(e) => setSpecName(e.target.value)} data-testid="pack-spec">
              <option value="">{t('pack.chooseSpec')}</option>
              {specs.map((s) => (
                <option key={s.name} value={s.name}>
                  {t('pack.specLabel', { name: s.name, level: t(`pack.levels.${s.level}`), capacity: s.capacity })}
                </option>
              ))}
            </select>
          </label>
        )}
        {mode === 'pack' && isNew && spec && <p className="hint">{t('pack.newFill', { capacity: spec.capacity })}</p>}
        {waiting && (
          <label className="qty">
            <span className="field-label">{t('pack.qtyOf', { lot: waiting.lot.lotNumber })}</span>
            <input ref={qtyInput} name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} data-testid="pack-qty" />
          </label>
        )}
      </form>
      {parent && !isNew && label && (
        <ContainerLabel
          sscc={parent}
          state={label}
          verifying={verifying?.sscc === parent}
          onReprint={(printer) => void reprint(printer)}
          onCheck={() => {
            setVerifying({ sscc: parent, seen: [] });
            say('warning', t('pack.label.scanIt', { sscc: parent }));
          }}
          onStop={() => setVerifying(null)}
        />
      )}
      {parent && !isNew && <ContainerView hierarchy={hierarchy} sscc={parent} showTree={false} showLabel={false} />}
      {parent === null && <p className="hint">{t(mode === 'pack' ? 'pack.scanChildren' : 'pack.scanChildrenUnpack')}</p>}
      <OpList types={['pack', 'unpack', 'print_sscc', 'label_verified']} />
      <ActionBar message={message}>
        {waiting ? (
          <button type="submit" form="pack-form" className="primary" data-testid="pack-qty-save">
            {t(mode === 'pack' ? 'pack.packQty' : 'pack.unpackQty')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={parent === null}
            onClick={() => {
              setParent(null);
              setVerifying(null);
              setSpecName('');
              say('good', t('pack.scanParent'));
            }}
            data-testid="pack-next"
          >
            {t('pack.next')}
          </button>
        )}
      </ActionBar>
    </section>
  );
}
