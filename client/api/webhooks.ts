import { api } from './client';
import type { Answer, Schema } from './types';

export type WebhookSubscription = Schema<'WebhookSubscription'>;
export type NewWebhook = Schema<'NewWebhookSubscription'>;
export type DeadLetter = Schema<'WebhookDeadLetter'>;

export const listWebhooks = (token: string) => api<Answer<'/api/webhooks', 'get'>>('/api/webhooks', { token }).then((r) => r.subscriptions);

/** The answer carries the signing secret: the only time the server shows it. */
export const createWebhook = (token: string, webhook: NewWebhook) => api<Answer<'/api/webhooks', 'post'>>('/api/webhooks', { token, method: 'POST', body: JSON.stringify(webhook) });

export const setWebhookActive = (token: string, id: string, active: boolean, reason: string) =>
  api<WebhookSubscription>(`/api/webhooks/${id}/${active ? 'enable' : 'disable'}`, { token, method: 'POST', body: JSON.stringify({ reason }) });

export const replayWebhook = (token: string, id: string, fromPosition: number, reason: string) =>
  api<WebhookSubscription>(`/api/webhooks/${id}/replay`, { token, method: 'POST', body: JSON.stringify({ fromPosition, reason }) });

export const listDeadLetters = (token: string) => api<Answer<'/api/webhooks/dead-letters', 'get'>>('/api/webhooks/dead-letters', { token }).then((r) => r.deadLetters);

export const retryDeadLetter = (token: string, id: number) => api<undefined>(`/api/webhooks/dead-letters/${id}/retry`, { token, method: 'POST', body: '{}' });
