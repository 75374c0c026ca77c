import { useMemo } from 'react';
import { labelState, type LabelState } from '../../domain/packaging';
import type { ContainerDoc, OpDoc } from '../../sync';
import { labelOnDevice } from '../screens/pack-label';
import { useSync } from '../sync/SyncContext';
import { useCollectionState } from './useCollection';

/**
 * Whether the label on a container says what it holds at `version`, from the replicated container
 * and this handheld's own print and verify ops: out of date after a change, not verified until a
 * scan of the printed label matched. Null while it is being read or for no container.
 */
export function useContainerLabel(sscc: string | null, version: number | null): LabelState | null {
  const { db } = useSync();
  const doc = useCollectionState<ContainerDoc>(useMemo(() => (db && sscc ? () => db.containers.find({ selector: { sscc } }) : null), [db, sscc]));
  const ops = useCollectionState<OpDoc>(useMemo(() => (db && sscc ? () => db.ops.find({ selector: { type: { $in: ['print_sscc', 'label_verified'] } } }) : null), [db, sscc]));
  if (!sscc || version === null || !doc.loaded || !ops.loaded) return null;
  return labelState(version, labelOnDevice(doc.docs[0], ops.docs, sscc));
}
