export { renderZplToPng, type Dpi } from './zpl-to-png';
export { readLabelBarcodes, type ReadBarcode } from './read-barcodes';
export { decodePng, type RgbaImage } from './png';
export { pngToGraphic } from './graphic';
export { templateHash } from './template-hash';
export { createRenderPool, RenderError, type RenderPool } from './render-pool';
