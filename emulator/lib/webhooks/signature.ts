import { createHmac } from 'node:crypto';

/** The header Uploadcare signs webhook deliveries with. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Uc-Signature';

/** `v1=<hex HMAC-SHA256 of the exact body, keyed with the webhook's signing secret>`. */
export function webhookSignature(signingSecret: string, body: string | Uint8Array): string {
  return `v1=${createHmac('sha256', signingSecret).update(body).digest('hex')}`;
}
