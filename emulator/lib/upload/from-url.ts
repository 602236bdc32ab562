import { lookup } from 'node:dns/promises';
import type { EmulatorContext } from '../context.js';
import { CONTROL_PREFIX } from '../control/routes.js';
import { BlobStoreFullError } from '../state/blob-store.js';
import { newOwner, runAsOwner } from '../state/change-owner.js';
import type { ProjectConfig } from '../state/records.js';
import type { Store } from '../state/store.js';
import { UploadApiError } from './errors.js';
import { uploadFileInfoJson } from './file-info.js';
import { readForm } from './form.js';
import type { FromUrlTasks } from './from-url-tasks.js';
import { uploadMetadata } from './metadata.js';
import { uploadTags } from './tags.js';
import { addUploadedFile } from './new-file.js';
import { checkUploadSignature, requireProject } from './project-auth.js';
import { refusedSourceAddress } from './source-address.js';
import { openSource } from './source-download.js';
import { sourceFilename } from './source-filename.js';
import { uploadRoute } from './upload-route.js';

/** How long one download may take before it fails with `DownloadFileTimeLimitExceededError`. */
export const DOWNLOAD_TIME_LIMIT_SECONDS = 600;

/** What a `from_url` request asked for, checked before the download starts. */
interface FromUrlRequest {
  readonly project: ProjectConfig;
  readonly sourceUrl: URL;
  readonly filename: string | undefined;
  readonly store: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  readonly saveDuplicate: boolean;
}

/** `POST /from_url/` (a background download into the blob store) and `GET|POST /from_url/status/`. */
export function registerFromUrlRoutes({ router, store, limits, allowLoopbackSources }: EmulatorContext, tasks: FromUrlTasks): void {
  router.add(
    'POST',
    '/from_url/',
    uploadRoute(async ({ req }, params) => {
      await readForm(req, params, limits);
      const project = requireProject(store, params, 'pub_key');
      checkUploadSignature(project, params);
      const sourceUrl = await checkSourceUrl(params.get('source_url'), allowLoopbackSources);
      const metadata = uploadMetadata(params);
      const tags = uploadTags(params);
      const checkDuplicate = params.flag('check_URL_duplicates') ?? false;
      if (checkDuplicate) {
        const known = tasks.knownFile(project.publicKey, sourceUrl.href);
        const file = known === undefined ? undefined : store.file(project.publicKey, known);
        if (file && !file.datetimeRemoved) return { type: 'file_info', ...uploadFileInfoJson(file) };
      }
      const token = tasks.create();
      const request: FromUrlRequest = {
        project,
        sourceUrl,
        filename: params.get('filename') || undefined,
        store: params.get('store') ?? params.get('UPLOADCARE_STORE'),
        metadata,
        tags,
        saveDuplicate: params.flag('save_URL_duplicates') ?? checkDuplicate,
      };
      setImmediate(() => void download(store, tasks, token, request, limits.maxFileSize, (next) => checkSourceTarget(next, allowLoopbackSources)));
      return { type: 'token', token };
    }),
  );

  const status = uploadRoute(async ({ req }, params) => {
    if (req.method === 'POST') await readForm(req, params, limits);
    // Clients may poll without a key (the token is the secret); a key they do send must be a project's.
    if (params.get('pub_key') !== undefined || params.get('UPLOADCARE_PUB_KEY') !== undefined) requireProject(store, params, 'pub_key');
    const token = params.get('token');
    if (!token) throw new UploadApiError('TokenRequiredError');
    const state = tasks.get(token);
    switch (state?.status) {
      case undefined:
        return { status: 'unknown' };
      case 'waiting':
        return { status: 'waiting' };
      case 'progress':
        return { status: 'progress', done: state.done, total: state.total ?? 'unknown' };
      case 'error':
        return { status: 'error', error: state.error.message, error_code: state.error.code };
      case 'success': {
        const file = store.fileByUuid(state.uuid);
        if (!file) return { status: 'unknown' };
        return { status: 'success', ...uploadFileInfoJson(file) };
      }
    }
  });
  router.add('GET', '/from_url/status/', status);
  router.add('HEAD', '/from_url/status/', status);
  router.add('POST', '/from_url/status/', status);
}

/**
 * The Upload API's checks of `source_url`, up to the host resolving to public addresses only, as the real service
 * checks before it answers; loopback sources are allowed when `allowLoopback` (local testing needs them).
 */
async function checkSourceUrl(text: string | undefined, allowLoopback: boolean): Promise<URL> {
  if (!text) throw new UploadApiError('SourceURLRequiredError');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UploadApiError(/^[a-z][\w+.-]*:/i.test(text) ? 'URLParsingFailedError' : 'URLSchemeRequiredError');
  }
  await checkSourceTarget(url, allowLoopback);
  return url;
}

/**
 * Where a download may go, checked for the URL given and for every redirect: http(s), a host that resolves, public
 * addresses only (loopback too when `allowLoopback`), and never an emulator's control API: a page could otherwise read
 * the request log, which holds other clients' headers, through from_url and the CDN.
 */
async function checkSourceTarget(url: URL, allowLoopback: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UploadApiError('URLSchemeInvalidError');
  if (!url.hostname) throw new UploadApiError('URLHostRequiredError');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(url.hostname.replace(/^\[(.*)\]$/, '$1'), { all: true });
  } catch {
    throw new UploadApiError('HostnameNotFoundError');
  }
  if (addresses.some(({ address }) => refusedSourceAddress(address, allowLoopback) !== null) || isControlPath(url)) {
    throw new UploadApiError('URLHostPrivateIPForbiddenError');
  }
}

function isControlPath(url: URL): boolean {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not decodable: the router would not match it either.
  }
  return path.replace(/\/{2,}/g, '/').startsWith(CONTROL_PREFIX);
}

/**
 * Downloads the source into the blob store, reporting progress on the task, then adds the file. A source larger than
 * `maxFileSize` fails the task with `FileSizeLimitExceededError`: at once when it says so (Content-Length), else as
 * soon as that many bytes came, keeping none of them.
 */
async function download(
  store: Store,
  tasks: FromUrlTasks,
  token: string,
  request: FromUrlRequest,
  maxFileSize: number,
  checkRedirect: (url: URL) => Promise<void>,
): Promise<void> {
  try {
    const source = await openSource(request.sourceUrl, AbortSignal.timeout(DOWNLOAD_TIME_LIMIT_SECONDS * 1000), checkRedirect);
    if (source.total !== null && source.total > maxFileSize) {
      source.body.destroy();
      throw new UploadApiError('FileSizeLimitExceededError');
    }
    tasks.set(token, { status: 'progress', done: 0, total: source.total });
    let done = 0;
    const blob = await store.blobs.write(
      (async function* () {
        for await (const chunk of source.body as AsyncIterable<Uint8Array>) {
          done += chunk.length;
          if (done > maxFileSize) throw new UploadApiError('FileSizeLimitExceededError');
          tasks.set(token, { status: 'progress', done, total: source.total });
          yield chunk;
        }
      })(),
    );
    // Success is reported once the file is final (on disk with --data-dir): a file undone by a failed write is an error.
    const owner = newOwner();
    const file = await runAsOwner(owner, () =>
      addUploadedFile(store, {
        project: request.project,
        blob,
        filename: request.filename ?? sourceFilename(source.url, source.body.headers['content-disposition']),
        contentType: source.contentType,
        store: request.store,
        metadata: request.metadata,
        tags: request.tags,
        source: request.sourceUrl.href,
      }),
    );
    await store.whenFinal(owner).catch(() => {
      throw new UploadApiError('UploadAPIError');
    });
    if (request.saveDuplicate) tasks.rememberUrl(request.project.publicKey, request.sourceUrl.href, file.uuid);
    tasks.set(token, { status: 'success', uuid: file.uuid });
  } catch (error) {
    tasks.set(token, { status: 'error', error: asDownloadError(error) });
  }
}

function asDownloadError(error: unknown): UploadApiError {
  if (error instanceof UploadApiError) return error;
  if (error instanceof BlobStoreFullError) return new UploadApiError('FileSizeLimitExceededError');
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new UploadApiError('DownloadFileTimeLimitExceededError', DOWNLOAD_TIME_LIMIT_SECONDS);
  }
  return new UploadApiError('DownloadFileHTTPNetworkError', error instanceof Error ? error.message : String(error));
}
