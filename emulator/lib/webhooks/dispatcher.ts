import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FileRecord, WebhookEvent, WebhookRecord } from '../state/records.js';
import type { Store, StoreEvent } from '../state/store.js';
import { becameInfected, fileEventPayload, infoChanged, infoUpdatedPayload } from './payload.js';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignature } from './signature.js';

/** The store events that webhooks deliver, by the webhook event they are. */
const DELIVERED: Partial<Record<StoreEvent['type'], WebhookEvent>> = {
  'file.uploaded': 'file.uploaded',
  'file.stored': 'file.stored',
  'file.deleted': 'file.deleted',
};

/** Delivery policy: how long one POST may take. Deliveries are not retried. */
export const WEBHOOK_DELIVERY = { timeoutMs: 10_000, userAgent: 'Uploadcare-Emulator-Webhooks' } as const;

/** The outcome of one delivery, for whoever listens (tests, logs). */
export interface WebhookDelivery {
  readonly webhook: WebhookRecord;
  readonly event: WebhookEvent;
  /** The receiver's status, or undefined when the request failed. */
  readonly status?: number;
  readonly error?: Error;
}

/**
 * POSTs `file.uploaded`, `file.stored`, `file.deleted`, `file.info_updated` (metadata or appdata changed) and
 * `file.infected` (the ClamAV add-on found a virus) to the
 * project's active webhooks for that event, as the store reports them; signed with `X-Uc-Signature` when the
 * webhook has a signing secret. Fire and forget: a slow or failing receiver never delays the request that caused
 * the event.
 */
export class WebhookDispatcher {
  private readonly listeners: ((delivery: WebhookDelivery) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly origin: () => string,
  ) {
    // Committed changes only: a change undone by a failed --data-dir write is never announced.
    store.onCommit((event) => {
      if (!('file' in event)) return;
      const hookEvent = DELIVERED[event.type];
      if (hookEvent) this.dispatch(hookEvent, event.file);
      const previous = event.previous;
      if (event.type === 'file.updated' && previous && infoChanged(previous, event.file)) {
        this.dispatch('file.info_updated', event.file, previous);
      }
      if (event.type === 'file.updated' && previous && becameInfected(previous, event.file)) this.dispatch('file.infected', event.file);
    });
  }

  /** Calls `listener` after each delivery attempt. */
  onDelivery(listener: (delivery: WebhookDelivery) => void): void {
    this.listeners.push(listener);
  }

  private dispatch(event: WebhookEvent, file: FileRecord, previous?: FileRecord): void {
    for (const webhook of this.store.webhooksOf(file.projectKey)) {
      if (!webhook.isActive || webhook.event !== event) continue;
      const payload = previous
        ? infoUpdatedPayload(webhook, file, previous, this.store, this.origin())
        : fileEventPayload(webhook, file, this.store, this.origin());
      const body = JSON.stringify(payload);
      void post(webhook, body).then(
        (status) => this.report({ webhook, event, status }),
        (error: unknown) => this.report({ webhook, event, error: error instanceof Error ? error : new Error(String(error)) }),
      );
    }
  }

  private report(delivery: WebhookDelivery): void {
    for (const listener of this.listeners) listener(delivery);
  }
}

function post(webhook: WebhookRecord, body: string): Promise<number> {
  const url = new URL(webhook.targetUrl);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'User-Agent': WEBHOOK_DELIVERY.userAgent,
  };
  if (webhook.signingSecret) headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(webhook.signingSecret, body);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, timeout: WEBHOOK_DELIVERY.timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`Webhook delivery to ${url.origin} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
