/** Webhook delivery: file events POSTed to subscribed URLs, signed like Uploadcare's. */
export { WebhookDispatcher, WEBHOOK_DELIVERY, type WebhookDelivery } from './dispatcher.js';
/** How deliveries are signed, for receivers that verify them. */
export { WEBHOOK_SIGNATURE_HEADER, webhookSignature } from './signature.js';
