import type { PickLine, PickListRecallBreak, PickListStatus } from '../../domain/ops';
import { api } from './client';

/** A pick list as the console shows it, with the progress the server counted from booked picks. */
export interface PickList {
  id: string;
  number: string;
  customer: string | null;
  customerCode: string | null;
  minShelfLifeDays: number;
  toLocationCode: string;
  lines: PickLine[];
  status: PickListStatus;
  recallBreaks: PickListRecallBreak[];
  version: number;
}

export const listPickLists = (token: string) => api<{ pickLists: PickList[] }>('/api/picklists', { token });
