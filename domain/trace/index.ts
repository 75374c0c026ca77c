export type { TraceAnswer, TraceAnswerEdge, TraceAnswerLot, TraceAnswerShipment } from './answer';
export { customerNodeId, traceModel, type TraceCustomer, type TraceFlow, type TraceModel } from './model';
export { CUSTOMERS_GROUP, DEFAULT_NODE_BUDGET, GROUP_PAGE, autoView, foldGroups, fullView, groupId, openGroup, visibleGraph, withLevels, type GraphView, type ViewEdge, type ViewNode, type VisibleGraph } from './view';
export { MAX_SEARCH_LENGTH, pathTo, reveal, searchTrace, type MatchField, type SearchAnswer, type TraceMatch } from './search';
export { serialPath, type SerialStep } from './serial-path';
