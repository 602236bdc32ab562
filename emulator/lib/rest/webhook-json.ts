import type { ProjectConfig, WebhookRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { formatDatetime } from './datetime.js';

/** The payload version the emulator's webhooks speak. */
export const WEBHOOK_VERSION = '0.7';

/** A project's numeric id, as webhooks show it: its 1-based position among the emulator's projects. */
export function projectId(store: Store, projectKey: string): number {
  return store.projects().findIndex((project: ProjectConfig) => project.publicKey === projectKey) + 1;
}

/**
 * A webhook as `/webhooks/` answers it, signing secret included, and no `version`: the real service's answers
 * (pyuploadcare's recordings) carry none, whatever the `webhook` schema lists.
 */
export function webhookJson(webhook: WebhookRecord, store: Store): Record<string, unknown> {
  return {
    id: webhook.id,
    project: projectId(store, webhook.projectKey),
    created: formatDatetime(webhook.created),
    updated: formatDatetime(webhook.updated),
    event: webhook.event,
    target_url: webhook.targetUrl,
    is_active: webhook.isActive,
    signing_secret: webhook.signingSecret,
  };
}

/** The `hook` of a webhook payload (`webhookPublicInfo`): no secret. */
export function webhookPublicJson(webhook: WebhookRecord, store: Store): Record<string, unknown> {
  const id = projectId(store, webhook.projectKey);
  return {
    id: webhook.id,
    project: id,
    project_id: id,
    project_pub_key: webhook.projectKey,
    created_at: formatDatetime(webhook.created),
    updated_at: formatDatetime(webhook.updated),
    event: webhook.event,
    target: webhook.targetUrl,
    is_active: webhook.isActive,
    version: WEBHOOK_VERSION,
  };
}
