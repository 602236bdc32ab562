import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import { HttpError, sendJson, sendText } from '../http-util.js';
import type { RouteRequest } from '../router.js';
import { DemoBundleMissingError, demoScriptLoader } from './bundle.js';
import { FAVICON_PATH, sendFavicon } from './favicon.js';
import { demoPageHtml, SCRIPT_MISSING_CHECK } from './page-html.js';
import { SAMPLE_PATH, sendSample } from './sample.js';
import { SIGNER_PATH, signForDemo } from './signer.js';

/** Path of the demo page's script. */
export const DEMO_SCRIPT_PATH = '/demo/app.js';

/**
 * The demo page runs its own script only and talks to its own origin only; no other page may frame it (its buttons
 * store and delete files, with the signer's authority).
 */
const DEMO_PAGE_CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(SCRIPT_MISSING_CHECK).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The demo page (`GET /`) and what it needs: its script (`/demo/app.js`), the REST signer of the first project
 * (`POST /demo/sign`, a development aid: see signer.ts), a sample image to upload from URL (`/demo/sample.svg`) and
 * its icon (`/favicon.ico`).
 * Registered before the CDN routes, whose `/:id/*rest` pattern would take `/demo/...`.
 */
export function registerDemoRoutes({ router, store, origin }: EmulatorContext): void {
  const loadScript = demoScriptLoader();
  const demoProject = () => {
    const project = store.projects()[0];
    if (!project) throw new HttpError(404, { detail: 'The emulator serves no project.' });
    return project;
  };

  const page = ({ req, res }: RouteRequest): void => {
    const html = demoPageHtml({
      publicKey: demoProject().publicKey,
      scriptPath: DEMO_SCRIPT_PATH,
      signerPath: SIGNER_PATH,
      iconPath: FAVICON_PATH,
      sampleUrl: `${origin(req)}${SAMPLE_PATH}`,
    });
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', DEMO_PAGE_CSP);
    sendText(res, 200, html, 'text/html; charset=utf-8');
  };
  router.add('GET', '/', page);
  router.add('GET', '/index.html', page);

  router.add('GET', DEMO_SCRIPT_PATH, async ({ res }) => {
    let script: string;
    try {
      script = await loadScript();
    } catch (error) {
      if (!(error instanceof DemoBundleMissingError)) throw error;
      throw new HttpError(503, error.message);
    }
    res.setHeader('Cache-Control', 'no-cache');
    sendText(res, 200, script, 'text/javascript; charset=utf-8');
  });

  router.add('POST', SIGNER_PATH, async ({ req, res }) => sendJson(res, 200, await signForDemo(req, demoProject())));

  // Browsers ask for it whatever the page says: without it, every visit logs a 404.
  router.add('GET', FAVICON_PATH, ({ res }) => sendFavicon(res, 'GET'));
  router.add('HEAD', FAVICON_PATH, ({ res }) => sendFavicon(res, 'HEAD'));

  router.add('GET', SAMPLE_PATH, ({ req, res }) => sendSample(res, req.method ?? 'GET'));
  router.add('HEAD', SAMPLE_PATH, ({ req, res }) => sendSample(res, req.method ?? 'HEAD'));
}
