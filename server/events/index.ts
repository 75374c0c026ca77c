export { EVENTS_CHANNEL, NATS_SINK, startEventRelay, type EventRelay, type RelayOptions } from './relay';
export { DEFAULT_NATS_STREAM, DEFAULT_SUBJECT_PREFIX, type NatsSinkOptions } from './nats-sink';
export { eventsAfter, headPosition, sequenceAll, sequenceEvents, type DomainEvent } from './store';
export { signWebhook, verifyWebhook } from './sign';
export {
  createSubscription,
  getSubscription,
  listDeadLetters,
  listSubscriptions,
  replaySubscription,
  retryDeadLetter,
  setSubscriptionActive,
  webhookUrlProblem,
  type DeadLetter,
  type NewSubscription,
  type WebhookSubscription,
} from './subscriptions';
export { deliverWebhooks, fanOutWebhooks, webhookBody, type WebhookSettings } from './webhooks';
export { pruneDeliveredEvents, type PrunedEvents } from './retention';
export { startRelayThread, type RelayThread } from './relay-thread';
