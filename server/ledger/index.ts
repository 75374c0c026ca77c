export { postMoves, type Move } from './post-moves';
