// Prints one closing line over every vitest JSON report given: 'N passed, N failed, N skipped',
// after the slowest test files, so a CI that grows slower says where the time went.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const files = [];
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  for (const result of report.testResults ?? []) {
    if (typeof result.startTime === 'number' && typeof result.endTime === 'number') {
      files.push({ report: file, name: relative(process.cwd(), result.name), seconds: (result.endTime - result.startTime) / 1000 });
    }
  }
}
files.sort((a, b) => b.seconds - a.seconds);
if (files.length > 0) {
  console.log('slowest test files (s):');
  for (const f of files.slice(0, 15)) console.log(`  ${f.seconds.toFixed(1).padStart(7)}  ${f.name}${process.argv.length > 3 ? `  [${f.report}]` : ''}`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
