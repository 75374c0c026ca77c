import { loadDevice } from '../session/device';

/** Below this many, the handheld asks for more whenever it is online. */
export const SSCC_LOW = 10;
export const SSCC_BLOCK = 20;

const key = (deviceId: string) => `lotline.ssccBlock.${deviceId}`;

/** The SSCCs issued to this handheld and not yet put on a label, oldest first. */
export function ssccsLeft(deviceId: string): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(key(deviceId)) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string' && /^\d{18}$/.test(s)) : [];
  } catch {
    return [];
  }
}

function keep(deviceId: string, ssccs: readonly string[]): void {
  localStorage.setItem(key(deviceId), JSON.stringify([...new Set(ssccs)]));
}

/**
 * Takes the next SSCC for a new case or pallet label. It leaves the block at once: an SSCC
 * once on a label is never offered again, even if the op that prints it is later cancelled.
 */
export function takeSscc(deviceId: string): string | null {
  const left = ssccsLeft(deviceId);
  const next = left.shift() ?? null;
  if (next !== null) keep(deviceId, left);
  return next;
}

/**
 * Asks the server for more SSCCs when the block runs low. Offline, or refused, it changes
 * nothing and says why: labelling goes on while SSCCs are left.
 */
export function topUpSsccs(sessionToken: string, fetcher: typeof fetch = fetch): Promise<{ left: number; problem: string | null }> {
  // One request at a time: a screen mounting twice, or a label taken while a top-up is out,
  // must not fetch a second block.
  asking ??= askForMore(sessionToken, fetcher).finally(() => {
    asking = null;
  });
  return asking;
}

let asking: Promise<{ left: number; problem: string | null }> | null = null;

async function askForMore(sessionToken: string, fetcher: typeof fetch): Promise<{ left: number; problem: string | null }> {
  const device = loadDevice();
  if (!device?.id) return { left: 0, problem: 'device_unknown' };
  const left = ssccsLeft(device.id);
  if (left.length >= SSCC_LOW) return { left: left.length, problem: null };
  try {
    const response = await fetcher('/api/logistics/device-ssccs', {
      method: 'POST',
      headers: { authorization: `Bearer ${sessionToken}`, 'x-lotline-device': device.token, 'content-type': 'application/json' },
      body: JSON.stringify({ count: SSCC_BLOCK }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      return { left: left.length, problem: body.error?.code ?? `http_${response.status}` };
    }
    const { ssccs } = (await response.json()) as { ssccs: string[] };
    // Read again: a label may have taken one while the request was out.
    keep(device.id, [...ssccsLeft(device.id), ...ssccs]);
    return { left: ssccsLeft(device.id).length, problem: null };
  } catch {
    return { left: left.length, problem: 'offline' };
  }
}
