import { useMemo } from 'react';
import type { Hierarchy } from '../../domain/packaging';
import type { ContainerDoc, OpDoc } from '../../sync';
import { hierarchyOnDevice, knownSpecs, type LotFactsOf, type NamedSpec } from '../screens/pack-plan';
import { useSync } from '../sync/SyncContext';
import { useCollectionState } from './useCollection';
import { useLotStore } from './useLotStore';

/**
 * The cases and pallets as this handheld sees them, live: the replicated containers with its own
 * queued packs and unpacks on top, the lot status and expiry of every unit from its lots.
 */
export function usePackHierarchy(): { hierarchy: Hierarchy; specs: NamedSpec[]; lotOf: LotFactsOf; ready: boolean } {
  const { db, lotStore } = useSync();
  const containers = useCollectionState<ContainerDoc>(useMemo(() => (db ? () => db.containers.find() : null), [db]));
  const queued = useCollectionState<OpDoc>(useMemo(() => (db ? () => db.ops.find({ selector: { status: 'queued', type: { $in: ['pack', 'unpack'] } } }) : null), [db]));
  // Asked again whenever the lots change, so a hold that arrives keeps held stock out at once.
  const [lotOf] = useLotStore<LotFactsOf>(
    lotStore,
    useMemo(
      () => (store: NonNullable<typeof lotStore>) => [
        (gtin: string, lotNumber: string) => {
          const lot = store.lotByLabel(gtin, lotNumber);
          return lot ? { lotStatus: lot.status, expiresOn: lot.expiresOn } : null;
        },
      ],
      [],
    ),
  );
  const specs = useMemo(() => knownSpecs(containers.docs), [containers.docs]);
  const hierarchy = useMemo(() => (lotOf ? hierarchyOnDevice(containers.docs, queued.docs, lotOf, specs) : new Map()), [containers.docs, queued.docs, lotOf, specs]);
  return { hierarchy, specs, lotOf: lotOf ?? (() => null), ready: containers.loaded && queued.loaded && lotOf !== undefined };
}
