import { api } from './client';
import type { Schema } from './types';

export type EpcisSettings = Schema<'EPCISSettings'>;

export const readEpcisSettings = (token: string) => api<EpcisSettings>('/api/epcis/settings', { token });

export const saveEpcisSettings = (token: string, settings: EpcisSettings) => api<EpcisSettings>('/api/epcis/settings', { token, method: 'PUT', body: JSON.stringify(settings) });
