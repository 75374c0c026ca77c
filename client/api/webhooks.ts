import { api } from './client';

export interface WebhookSubscription {
  id: string;
  url: string;
  eventFilter: string[];
  description: string;
  active: boolean;
  /** The last event position queued for it. */
  position: number;
  version: number;
  createdAt: string;
  pending: number;
  deadLetters: number;
}

export interface NewWebhook {
  url: string;
  eventFilter: string[];
  description?: string;
  fromPosition?: number;
}

export interface DeadLetter {
  id: number;
  subscriptionId: string;
  url: string;
  eventPosition: number;
  eventId: string;
  eventType: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deadLetteredAt: string;
}

export const listWebhooks = (token: string) => api<{ subscriptions: WebhookSubscription[] }>('/api/webhooks', { token }).then((r) => r.subscriptions);

/** The answer carries the signing secret: the only time the server shows it. */
export const createWebhook = (token: string, webhook: NewWebhook) => api<WebhookSubscription & { secret: string }>('/api/webhooks', { token, method: 'POST', body: JSON.stringify(webhook) });

export const setWebhookActive = (token: string, id: string, active: boolean, reason: string) =>
  api<WebhookSubscription>(`/api/webhooks/${id}/${active ? 'enable' : 'disable'}`, { token, method: 'POST', body: JSON.stringify({ reason }) });

export const replayWebhook = (token: string, id: string, fromPosition: number, reason: string) =>
  api<WebhookSubscription>(`/api/webhooks/${id}/replay`, { token, method: 'POST', body: JSON.stringify({ fromPosition, reason }) });

export const listDeadLetters = (token: string) => api<{ deadLetters: DeadLetter[] }>('/api/webhooks/dead-letters', { token }).then((r) => r.deadLetters);

export const retryDeadLetter = (token: string, id: number) => api<undefined>(`/api/webhooks/dead-letters/${id}/retry`, { token, method: 'POST', body: '{}' });
