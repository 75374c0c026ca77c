export {
  PACK_LEVELS,
  UNPACKABLE,
  ancestors,
  childContainers,
  descendants,
  pack,
  packRefusal,
  parentOfSerial,
  unitKey,
  unitsWithin,
  unpack,
  unpackRefusal,
  type Container,
  type ContainerLevel,
  type Hierarchy,
  type PackChild,
  type PackLevel,
  type PackRefusal,
  type PackRefusalCode,
  type PackagingSpec,
  type UnitLine,
} from './hierarchy';
export { containerTree, earliestExpiry, rollUp, type ContainerTree, type RollUpLine } from './rollup';
export { applyPackOp, childName, currentParent, judgePackOp, type PackOp, type PackVerdict } from './offline-ops';
export { unitChanges, type UnitChanges } from './unit-changes';
export { aiOfLabelField, judgeLabelScan, labelContent, labelState, type ContainerLabel, type LabelContent, type LabelDifference, type LabelField, type LabelScanVerdict, type LabelState } from './label-check';
