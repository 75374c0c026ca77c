export { MAX_LABEL, labelSizeProblem, type Dpi } from './label-limits';
export { rawZplProblems, rawZplSizeProblems } from './raw-zpl';
