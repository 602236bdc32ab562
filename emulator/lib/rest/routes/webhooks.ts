import type { EmulatorContext } from '../../context.js';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookRecord } from '../../state/records.js';
import { fieldsBody } from '../body.js';
import { badRequest, notFound, parseBoolean } from '../params.js';
import { restRoute, type RestCall } from '../rest-route.js';
import { WEBHOOK_VERSION, webhookJson } from '../webhook-json.js';

/** Limits of the `webhook_target` and `webhook_signing_secret` schemas. */
export const WEBHOOK_LIMITS = { maxTargetLength: 255, maxSecretLength: 32 } as const;

type WebhookFields = Partial<Pick<WebhookRecord, 'targetUrl' | 'event' | 'isActive' | 'signingSecret'>>;

function targetUrl(value: unknown): string {
  if (value === undefined || value === null || value === '') throw badRequest('`target_url` is missing.');
  if (typeof value !== 'string' || value.length > WEBHOOK_LIMITS.maxTargetLength) throw badRequest('`target_url` is not a valid URL.');
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
  } catch {
    throw badRequest('`target_url` is not a valid URL.');
  }
  return value;
}

function webhookEvent(value: unknown): WebhookEvent {
  if (value === undefined || value === null || value === '') throw badRequest('`event` is missing.');
  const event = WEBHOOK_EVENTS.find((known) => known === value);
  if (!event) throw badRequest(`\`event\` must be one of: ${WEBHOOK_EVENTS.join(', ')}.`);
  return event;
}

/** Reads the fields a create or update may carry; `required` ones must be present. */
function webhookFields(body: Record<string, unknown>, required: boolean): WebhookFields {
  const fields: { -readonly [K in keyof WebhookFields]: WebhookFields[K] } = {};
  if (required || body['target_url'] !== undefined) fields.targetUrl = targetUrl(body['target_url']);
  if (required || body['event'] !== undefined) fields.event = webhookEvent(body['event']);
  if (body['is_active'] !== undefined && body['is_active'] !== null) {
    const active = parseBoolean(body['is_active']);
    if (active === undefined) throw badRequest('`is_active` parameter should be `true` or `false`.');
    fields.isActive = active;
  }
  const secret = body['signing_secret'];
  if (secret !== undefined) {
    if (secret !== null && (typeof secret !== 'string' || secret.length > WEBHOOK_LIMITS.maxSecretLength)) {
      throw badRequest(`\`signing_secret\` must be a string of at most ${WEBHOOK_LIMITS.maxSecretLength} characters.`);
    }
    fields.signingSecret = secret === '' ? null : secret;
  }
  const version = body['version'];
  if (version !== undefined && version !== null && version !== '' && version !== WEBHOOK_VERSION) {
    throw badRequest(`\`version\` must be "${WEBHOOK_VERSION}".`);
  }
  return fields;
}

function projectWebhook(context: EmulatorContext, call: RestCall): WebhookRecord {
  const id = call.params['id'] ?? '';
  const webhook = /^\d+$/.test(id) ? context.store.webhook(call.project.publicKey, Number(id)) : undefined;
  if (!webhook) throw notFound();
  return webhook;
}

/** Refuses a second webhook of the project with the same target and event, as the real API does. */
function checkUnique(context: EmulatorContext, projectKey: string, candidate: Pick<WebhookRecord, 'targetUrl' | 'event'>, id?: number): void {
  const clash = context.store
    .webhooksOf(projectKey)
    .some((hook) => hook.id !== id && hook.targetUrl === candidate.targetUrl && hook.event === candidate.event);
  if (clash) throw badRequest('A webhook with this `target_url` and `event` already exists in the project.');
}

/** `/webhooks/` CRUD and `DELETE /webhooks/unsubscribe/`. */
export function registerWebhookRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  router.add(
    'GET',
    '/webhooks/',
    restRoute(context, (call) => ({
      status: 200,
      body: store.webhooksOf(call.project.publicKey).map((webhook) => webhookJson(webhook, store)),
    })),
  );

  router.add(
    'POST',
    '/webhooks/',
    restRoute(context, (call) => {
      const fields = webhookFields(fieldsBody(call), true);
      const targetUrl = fields.targetUrl as string;
      const event = fields.event as WebhookEvent;
      checkUnique(context, call.project.publicKey, { targetUrl, event });
      const now = new Date();
      const webhook = store.addWebhook({
        projectKey: call.project.publicKey,
        targetUrl,
        event,
        isActive: fields.isActive ?? true,
        signingSecret: fields.signingSecret ?? null,
        created: now,
        updated: now,
      });
      return { status: 201, body: webhookJson(webhook, store) };
    }),
  );

  // Before `/webhooks/:id/`, which would otherwise take `unsubscribe` for an id.
  router.add(
    'DELETE',
    '/webhooks/unsubscribe/',
    restRoute(context, (call) => {
      const target = targetUrl(fieldsBody(call)['target_url']);
      for (const webhook of store.webhooksOf(call.project.publicKey)) {
        if (webhook.targetUrl === target) store.deleteWebhook(webhook.id);
      }
      return { status: 204 };
    }),
  );

  router.add(
    'PUT',
    '/webhooks/:id/',
    restRoute(context, (call) => {
      const before = projectWebhook(context, call);
      const fields = webhookFields(fieldsBody(call), false);
      checkUnique(context, call.project.publicKey, { targetUrl: fields.targetUrl ?? before.targetUrl, event: fields.event ?? before.event }, before.id);
      const webhook = store.updateWebhook(before.id, { ...fields, updated: new Date() });
      return { status: 200, body: webhookJson(webhook, store) };
    }),
  );

  router.add(
    'DELETE',
    '/webhooks/:id/',
    restRoute(context, (call) => {
      store.deleteWebhook(projectWebhook(context, call).id);
      return { status: 204 };
    }),
  );
}
