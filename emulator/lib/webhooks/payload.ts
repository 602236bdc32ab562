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

/**
 * The body of a `file.info_updated` delivery (`webhookFileInfoUpdatedPayload`): the file now, and the values of
 * its changed `metadata` / `appdata` before the change.
 */
export function infoUpdatedPayload(
  webhook: WebhookRecord,
  file: FileRecord,
  previous: FileRecord,
  store: Store,
  origin: string,
): Record<string, unknown> {
  const previousValues: Record<string, unknown> = {};
  if (!sameJson(previous.metadata, file.metadata)) previousValues['metadata'] = { ...previous.metadata };
  if (!sameJson(previous.appdata, file.appdata)) previousValues['appdata'] = previous.appdata ? { ...previous.appdata } : null;
  return { ...fileEventPayload(webhook, file, store, origin), previous_values: previousValues };
}

/** True when a change touched what `file.info_updated` reports. */
export function infoChanged(previous: FileRecord, file: FileRecord): boolean {
  return !sameJson(previous.metadata, file.metadata) || !sameJson(previous.appdata, file.appdata);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when a change wrote a ClamAV result saying the file is infected where it said otherwise before. */
export function becameInfected(previous: FileRecord, file: FileRecord): boolean {
  const infected = (record: FileRecord): boolean => (record.appdata?.['uc_clamav_virus_scan'] as { readonly data?: { readonly infected?: unknown } } | undefined)?.data?.infected === true;
  return infected(file) && !infected(previous);
}
