/** Asks `check` every `everyMs` until it says yes; past `timeoutMs` it fails, naming what it waited for. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, options: { timeoutMs?: number; everyMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, options.everyMs ?? 50));
  }
}
