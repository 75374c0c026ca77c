import { ensurePwaBuilt } from '../server/cli/pwa-build';

/** Browser tests run against the built PWA: build it once per run, only when its sources changed. */
export default async function setup(): Promise<void> {
  await ensurePwaBuilt((line) => console.log(line));
}
