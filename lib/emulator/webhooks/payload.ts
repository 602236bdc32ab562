import { fileCdnUrl, fileJson } from '../rest/file-json.js';
import { webhookPublicJson } from '../rest/webhook-json.js';
import type { FileRecord, WebhookRecord } from '../state/records.js';
import type { Store } from '../state/store.js';

/** The body of a file event delivery (`webhookFilePayload`). */
export function fileEventPayload(webhook: WebhookRecord, file: FileRecord, store: Store, origin: string): Record<string, unknown> {
  return {
    initiator: { type: 'api', detail: { request_id: null, addon_name: null } },
    hook: webhookPublicJson(webhook, store),
    data: fileJson(file, origin),
    file: fileCdnUrl(origin, file),
  };
}
