#!/usr/bin/env node
// The `lotline` command. Loads the TypeScript CLI through tsx so `npx lotline` works right
// after `npm install`, with no compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/index.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The command is done: a handle left open (a socket, a timer) must not keep the process alive.
setTimeout(() => {
  process.stderr.write('lotline: handles still open 5 s after the command finished; exiting\n');
  process.exit(code);
}, 5000).unref();
