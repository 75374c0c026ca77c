// Writes domain/gs1/ai-table.generated.ts from the GS1 Barcode Syntax Dictionary and the code lists.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderAiTable } from './render';

const dictionary = readFileSync(new URL('../data/gs1-syntax-dictionary.txt', import.meta.url), 'utf8');
const codeLists = readFileSync(new URL('../data/code-lists.json', import.meta.url), 'utf8');
const out = new URL('../ai-table.generated.ts', import.meta.url);
writeFileSync(out, renderAiTable(dictionary, codeLists));
console.log(`wrote ${out.pathname}`);
