import { ApiError } from '../../../api/client';

export interface DownloadProgress {
  bytes: number;
  /** Rows written so far, for CSV (one line each after the header); null for XLSX. */
  rows: number | null;
  /** Rows the server said are coming (X-Row-Count). */
  total: number | null;
}

const fileNameOf = (disposition: string | null, fallback: string) => /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;

/**
 * Fetches a streamed export with the session's token, telling progress as the bytes come, and
 * hands the finished file to the browser to save. The server streams half a million rows without
 * holding them; the browser keeps the file until it is saved.
 */
export async function downloadExport(path: string, token: string, onProgress: (p: DownloadProgress) => void, signal: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? `HTTP ${response.status}`);
  }
  const csv = path.includes('.csv?');
  const totalHeader = response.headers.get('x-row-count');
  const progress: DownloadProgress = { bytes: 0, rows: csv ? 0 : null, total: totalHeader === null ? null : Number(totalHeader) };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress.bytes += value.byteLength;
    if (csv) {
      for (const byte of value) if (byte === 10) lines++;
      progress.rows = Math.max(0, lines - 1);
    }
    onProgress({ ...progress });
  }
  const name = fileNameOf(response.headers.get('content-disposition'), csv ? 'stock.csv' : 'stock.xlsx');
  const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
