import { api } from './client';
import type { Answer, Schema } from './types';

/** A pick list as the console shows it, with the progress the server counted from booked picks. */
export type PickList = Schema<'PickList'>;

export const listPickLists = (token: string) => api<Answer<'/api/picklists', 'get'>>('/api/picklists', { token });
