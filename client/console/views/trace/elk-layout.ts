import ELK, { type ElkNode } from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { VisibleGraph } from '../../../../domain/trace';
import { NODE_WIDTH, nodeHeight, type GraphLayout, type Placed } from './graph-sizes';

// One layout worker for the page: ELK's layered algorithm on a few hundred nodes takes long
// enough that running it on the main thread would freeze the console while it works.
let elk: InstanceType<typeof ELK> | null = null;
const engine = () => (elk ??= new ELK({ workerUrl: elkWorkerUrl }));

/**
 * Lays the drawn graph out in layers, left to right as the material went: component lots
 * before what was made of them, customers last. Nodes come in a stable order, so the same
 * view lays out the same way.
 */
export async function layoutGraph(graph: VisibleGraph): Promise<GraphLayout> {
  const root: ElkNode = {
    id: 'trace',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '14',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'false',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: graph.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: nodeHeight(n),
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
    })),
  };
  const done = await engine().layout(root);
  const placed = new Map<string, Placed>();
  for (const child of done.children ?? []) {
    const width = child.width ?? NODE_WIDTH;
    const height = child.height ?? 48;
    placed.set(child.id, {
      x: (child.x ?? 0) + width / 2,
      y: (child.y ?? 0) + height / 2,
      width,
      height,
    });
  }
  return { placed, width: done.width ?? 0, height: done.height ?? 0 };
}
