import type { ViewNode } from '../../../../domain/trace';

/** Node boxes in layout units: at 1:1 a lot number and an item name fit on two lines. */
export const NODE_WIDTH = 184;
export const nodeHeight = (node: ViewNode) => (node.kind === 'group' ? 60 : 48);

export interface Placed {
  /** The node's centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  placed: ReadonlyMap<string, Placed>;
  width: number;
  height: number;
}
