export { postMoves, type Move } from './post-moves';
export { postFacts, type OpFacts } from './post-facts';
export { lockLotBalances } from './lock-lots';
