import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The REST API v0.7 contract, loaded as data: Uploadcare's OpenAPI document, vendored (emulator/spec/vendor/README.md). */
const SPEC_PATH = resolve(__dirname, '../../vendor/uploadcare-rest-api-v0.7.yml');

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 schema -> JSON Schema for ajv: `nullable: true` becomes a null alternative, and `$ref`s are resolved
 * against the document by JSON pointer (the spec also points into `responses`, not only `schemas`).
 *
 * Two known errata of the published document are corrected, each where it would make every correct answer fail:
 * - `oneOf` whose alternatives overlap by construction (every error schema is `{detail: string}`) is read as
 *   `anyOf`: one `{"detail": ...}` body cannot match exactly one of three identical shapes.
 * - `groupWithFiles.files` puts the file schema (`allOf`) on the array itself instead of on its items.
 * - `enum`s of error details hold templates (`Public key {public_key} not found.`): a `{name}` matches any text.
 * - `default_effects` is declared `format: uri` while its values are relative operation paths (`resize/x800/`, or
 *   '' for none): read as `uri-reference`.
 * - `thumbnails_group_uuid` is declared `format: uuid` while its values are group ids (`<uuid>~<n>`, the document's own
 *   examples), and conversion `problems` declare their values `format: uuid` while they are messages (its examples:
 *   `Bad path "…". Use UUID or CDN URL`): both formats dropped.
 */
function toJsonSchema(node: unknown, root: Json, seen: Map<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, root, seen));
  if (!isObject(node)) return node;
  if (typeof node['$ref'] === 'string') return resolveRef(node['$ref'], root, seen);
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'x-codeSamples') continue;
    out[key === 'oneOf' ? 'anyOf' : key] = toJsonSchema(value, root, seen);
  }
  if (Array.isArray(out['enum']) && out['enum'].some((item) => typeof item === 'string' && /\{\w+\}/.test(item))) {
    out['anyOf'] = (out['enum'] as unknown[]).map((item) => (typeof item === 'string' ? { pattern: templatePattern(item) } : { const: item }));
    delete out['enum'];
  }
  if (isObject(out['properties']) && isObject(out['properties']['default_effects'])) {
    out['properties'] = { ...out['properties'], default_effects: { ...out['properties']['default_effects'], format: 'uri-reference' } };
  }
  if (isObject(out['properties']) && isObject(out['properties']['thumbnails_group_uuid'])) {
    const { format: _uuid, ...groupId } = out['properties']['thumbnails_group_uuid'];
    out['properties'] = { ...out['properties'], thumbnails_group_uuid: groupId };
  }
  if (isObject(out['properties']) && isObject(out['properties']['problems']) && isObject(out['properties']['problems']['additionalProperties'])) {
    const problems = out['properties']['problems'];
    const { format: _uuid, ...message } = problems['additionalProperties'] as Json;
    out['properties'] = { ...out['properties'], problems: { ...problems, additionalProperties: message } };
  }
  if (out['type'] === 'array' && out['allOf'] && !out['items']) {
    out['items'] = { anyOf: [{ allOf: out['allOf'] }, { type: 'null' }] };
    delete out['allOf'];
  }
  if (node['nullable'] === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function templatePattern(template: string): string {
  return `^${template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+')}$`;
}

function resolveRef(ref: string, root: Json, seen: Map<string, Json>): Json {
  const known = seen.get(ref);
  if (known) return known;
  const target: Json = {};
  seen.set(ref, target); // placeholder first: schemas may refer to themselves
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  Object.assign(target, toJsonSchema(node, root, seen));
  return target;
}

const document = parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (instance: Ajv) => void)(ajv);
// `format: url` (copiedFileURL) is not a JSON Schema format; the s3:// URLs it describes are URIs.
ajv.addFormat('url', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i);
const refs = new Map<string, Json>();
const validators = new Map<string, ValidateFunction>();

/** The documented response of an operation, resolved (a `$ref` to `components/responses` included). */
function responseOf(path: string, method: string, status: number): Json | undefined {
  const paths = document['paths'] as Json;
  const operation = (paths[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  if (!operation) throw new Error(`The spec has no ${method} ${path}`);
  const response = (operation['responses'] as Json)[String(status)];
  if (!isObject(response)) return undefined;
  return typeof response['$ref'] === 'string' ? (resolveRef(response['$ref'], document, refs) as Json) : response;
}

/** Statuses the spec documents for an operation. */
export function documentedStatuses(path: string, method: string): number[] {
  const operation = ((document['paths'] as Json)[path] as Json)[method.toLowerCase()] as Json;
  return Object.keys(operation['responses'] as Json).map(Number);
}

/**
 * Checks one answer against the contract: the status must be documented for the operation and the body must
 * match its schema (`undefined` for bodiless answers, which must be documented without content).
 * @returns the ajv errors as text, '' when it conforms.
 */
export function contractErrors(path: string, method: string, status: number, body: unknown): string {
  const response = responseOf(path, method, status);
  if (!response) return `${method} ${path}: status ${status} is not documented (${documentedStatuses(path, method).join(', ')})`;
  const content = response['content'] as Json | undefined;
  const schema = (content?.['application/json'] as Json | undefined)?.['schema'];
  if (schema === undefined) return body === undefined ? '' : `${method} ${path} ${status}: documented without a body`;
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema, document, refs) as Json);
    validators.set(key, validate);
  }
  if (validate(body)) return '';
  return `${key}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}\nbody: ${JSON.stringify(body).slice(0, 800)}`;
}

/** Checks a value against a named component schema, e.g. `webhookFilePayload`; '' when it conforms. */
export function schemaErrors(name: string, value: unknown): string {
  const key = `#/components/schemas/${name}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(resolveRef(key, document, refs));
    validators.set(key, validate);
  }
  return validate(value) ? '' : `${name}: ${ajv.errorsText(validate.errors)}\nvalue: ${JSON.stringify(value).slice(0, 800)}`;
}
