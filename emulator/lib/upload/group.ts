import type { EmulatorContext } from '../context.js';
import type { GroupMember } from '../state/records.js';
import { UploadApiError } from './errors.js';
import { readForm } from './form.js';
import { uploadGroupInfoJson } from './group-info.js';
import type { RequestParams } from './params.js';
import { checkUploadSignature, requireProject } from './project-auth.js';
import { uploadRoute } from './upload-route.js';

/** `POST /group/` (`files[]` of `<uuid>[/-/effects/]` or CDN URLs) and `GET /group/info/?pub_key&group_id`. */
export function registerGroupRoutes({ router, store, origin, limits }: EmulatorContext): void {
  router.add(
    'POST',
    '/group/',
    uploadRoute(async ({ req }, params) => {
      await readForm(req, params, limits);
      const project = requireProject(store, params, 'pub_key');
      checkUploadSignature(project, params);
      const members = groupFiles(params).map(parseMember);
      if (members.length === 0) throw new UploadApiError('GroupFilesInvalidError');
      const missing = members.some(({ uuid }) => {
        const file = store.file(project.publicKey, uuid);
        return !file || file.datetimeRemoved !== null;
      });
      if (missing) throw new UploadApiError('GroupFilesNotFoundError');
      const group = store.addGroup({
        id: `${store.newUuid()}~${members.length}`,
        projectKey: project.publicKey,
        files: members,
        datetimeCreated: new Date(),
        datetimeStored: null,
      });
      return uploadGroupInfoJson(group, store, origin(req));
    }),
  );

  const groupInfo = uploadRoute(async ({ req }, params) => {
    const project = requireProject(store, params, 'pub_key');
    const groupId = params.get('group_id');
    if (!groupId) throw new UploadApiError('GroupIdRequiredError');
    const group = store.group(project.publicKey, groupId);
    if (!group) throw new UploadApiError('GroupNotFoundError');
    return uploadGroupInfoJson(group, store, origin(req));
  });
  router.add('GET', '/group/info/', groupInfo);
  router.add('HEAD', '/group/info/', groupInfo);
}

/** `files[]` values in order, or `files[0]`, `files[1]`... by index, as older clients send them. */
function groupFiles(params: RequestParams): string[] {
  const fields = params.matching((name) => /^files\[\d*\]$/.test(name));
  const index = (name: string): number => Number(/\[(\d*)\]/.exec(name)?.[1] || 0);
  return fields
    .map(([name, value], order) => ({ value, key: index(name), order }))
    .sort((a, b) => a.key - b.key || a.order - b.order)
    .map(({ value }) => value);
}

const MEMBER = /^(?:[a-z][\w+.-]*:\/\/[^/]+\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?((?:-\/.*)?)$/i;

/** `<uuid>`, `<uuid>/-/resize/x800/` or a CDN URL of either: the file and its effects (`resize/x800/`). */
function parseMember(text: string): GroupMember {
  const match = MEMBER.exec(text.trim());
  if (!match) throw new UploadApiError('GroupFileURLParsingFailedError', text);
  const effects = (match[2] ?? '').replace(/^-\//, '');
  return { uuid: match[1]!.toLowerCase(), effects: effects === '' || effects.endsWith('/') ? effects : `${effects}/` };
}
