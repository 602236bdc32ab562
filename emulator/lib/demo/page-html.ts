/** What the demo page's HTML is made with. */
export interface DemoPageOptions {
  /** The demo project's public key (the page never gets the secret). */
  readonly publicKey: string;
  /** Path of the page's script. */
  readonly scriptPath: string;
  /** Path of the signer endpoint. */
  readonly signerPath: string;
  /** Path of the page's icon. */
  readonly iconPath: string;
  /** A URL the from-URL form starts with, so there is something to fetch at once. */
  readonly sampleUrl: string;
}

/** The page's one inline script: it shows the notice when the page's script did not run (its CSP names its hash). */
export const SCRIPT_MISSING_CHECK = "addEventListener('load', () => { if (!document.body.dataset.ready) document.getElementById('script-missing').hidden = false; });";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The demo page served at `/`: static markup and styles; `page/main.ts` brings it to life. */
export function demoPageHtml({ publicKey, scriptPath, signerPath, iconPath, sampleUrl }: DemoPageOptions): string {
  // `<` is escaped so that no value can close the script element.
  const config = JSON.stringify({ publicKey, signerPath }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rxuploadcare demo</title>
<link rel="icon" href="${escapeHtml(iconPath)}" type="image/svg+xml">
<style>${STYLES}</style>
<script id="demo-config" type="application/json">${config}</script>
<script src="${escapeHtml(scriptPath)}" defer></script>
</head>
<body>
<header class="top">
  <div>
    <h1>rxuploadcare <span>demo</span></h1>
    <p>Every action below is an RxJS Observable of the library, talking to this emulator. Project <code>${escapeHtml(publicKey)}</code>;
    REST requests are signed by <code id="signed-by">${escapeHtml(signerPath)}</code>, so the page never holds the secret.</p>
  </div>
</header>
<p id="script-missing" class="notice" hidden>The page's script did not load: run <code>npm start</code>, which builds it.</p>
<main class="grid">
  <section class="card" aria-labelledby="upload-title">
    <h2 id="upload-title">Upload files</h2>
    <div id="drop-zone" class="drop-zone">
      <p>Drop files here, or</p>
      <label class="button primary" for="file-input">Choose files</label>
      <input id="file-input" class="visually-hidden" type="file" multiple>
      <p class="hint">Files of 10 MB or more go multipart. Cancel aborts the requests in flight.</p>
    </div>
    <ul id="uploads" class="rows" aria-label="Uploads"></ul>
  </section>
  <section class="card" aria-labelledby="from-url-title">
    <h2 id="from-url-title">Upload from a URL</h2>
    <form id="from-url-form" class="inline-form">
      <label for="from-url-input">File URL</label>
      <div class="field">
        <input id="from-url-input" type="url" required value="${escapeHtml(sampleUrl)}">
        <button class="button primary" type="submit">Fetch</button>
      </div>
      <p class="hint">The service fetches it; its done/total ticks show here. The sample is served slowly on purpose.</p>
    </form>
    <ul id="from-url-uploads" class="rows" aria-label="Uploads from URL"></ul>
  </section>
  <section class="card wide" aria-labelledby="transform-title">
    <h2 id="transform-title">Transform an image</h2>
    <p id="transform-source" class="muted">Pick an image with its <strong>Transform</strong> button in the project files below.</p>
    <form id="transform-form" class="transform-form">
      <label>Size <select name="sizing">
        <option value="preview">preview</option><option value="resize">resize</option><option value="scale_crop">scale_crop</option><option value="smart_resize">smart_resize</option>
      </select></label>
      <label>Width <input name="width" type="number" min="1" max="5000" value="320"></label>
      <label>Height <input name="height" type="number" min="1" max="5000" value="240"></label>
      <label>Rotate <select name="rotate"><option>0</option><option>90</option><option>180</option><option>270</option></select></label>
      <label>Format <select name="format">
        <option value="auto">auto</option><option value="jpeg">jpeg</option><option value="png">png</option><option value="webp">webp</option><option value="avif">avif</option>
      </select></label>
      <label>Quality <select name="quality">
        <option value="normal">normal</option><option value="better">better</option><option value="best">best</option><option value="lighter">lighter</option><option value="lightest">lightest</option><option value="smart">smart</option>
      </select></label>
      <fieldset><legend>Effects</legend>
        <label><input type="checkbox" name="effect" value="grayscale"> grayscale</label>
        <label><input type="checkbox" name="effect" value="invert"> invert</label>
        <label><input type="checkbox" name="effect" value="flip"> flip</label>
        <label><input type="checkbox" name="effect" value="mirror"> mirror</label>
        <label><input type="checkbox" name="effect" value="enhance"> enhance</label>
        <label><input type="checkbox" name="effect" value="sharp"> sharp</label>
        <label><input type="checkbox" name="effect" value="blur"> blur</label>
      </fieldset>
    </form>
    <p class="transform-url"><a id="transform-link" target="_blank" rel="noopener"></a></p>
    <figure class="transform-result">
      <img id="transform-result" alt="The image as the CDN renders it">
      <figcaption id="transform-status" aria-live="polite"></figcaption>
    </figure>
  </section>
  <section class="card wide" aria-labelledby="files-title">
    <div class="section-head">
      <h2 id="files-title">Project files</h2>
      <div class="toolbar">
        <span id="selection-count" class="muted" aria-live="polite"></span>
        <button id="create-group" class="button" type="button" disabled>Create group</button>
        <button id="refresh" class="button quiet" type="button">Refresh</button>
      </div>
    </div>
    <p id="group-result" class="group-result" aria-live="polite"></p>
    <ul id="file-list" class="files" aria-label="Project files"></ul>
    <p id="list-end" class="list-end" aria-live="polite"></p>
  </section>
</main>
<p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
<script>${SCRIPT_MISSING_CHECK}</script>
</body>
</html>
`;
}

const STYLES = `
:root { --bg: #f4f5f8; --card: #fff; --ink: #1d2433; --muted: #667085; --line: #e3e6ee; --accent: #3a57e8; --accent-ink: #fff;
  --ok: #12805c; --warn: #b54708; --danger: #c0362c; --radius: 10px; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef0f6; padding: 1px 5px; border-radius: 4px; }
a { color: var(--accent); }
.top { background: #161b2e; color: #e9ecf5; padding: 22px 32px; }
.top > div { max-width: 1216px; margin: 0 auto; }
.top h1 { margin: 0 0 4px; font-size: 22px; letter-spacing: .2px; }
.top h1 span { color: #8ea2ff; font-weight: 500; }
.top p { margin: 0; max-width: 70em; color: #b9c0d4; }
.top code { background: #262d45; color: #e9ecf5; }
.notice { margin: 16px 32px 0; padding: 12px 16px; border-radius: var(--radius); background: #fff4e5; color: var(--warn); }
.grid { display: grid; grid-template-columns: 1fr 1fr; align-items: start; gap: 20px; padding: 24px 32px 40px; max-width: 1280px; margin: 0 auto; }
@media (max-width: 860px) { .grid { grid-template-columns: 1fr; padding: 16px; } }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px 20px; box-shadow: 0 1px 2px rgba(16,24,40,.04); min-width: 0; }
.card.wide { grid-column: 1 / -1; }
h2 { margin: 0 0 14px; font-size: 17px; }
.section-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; margin-bottom: 6px; }
.section-head h2 { margin: 0; }
.toolbar { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.muted, .hint { color: var(--muted); }
.hint { font-size: 13px; margin: 8px 0 0; }
.button { display: inline-flex; align-items: center; border: 1px solid var(--line); background: #fff; color: var(--ink); border-radius: 7px;
  padding: 7px 14px; font: inherit; font-weight: 550; cursor: pointer; white-space: nowrap; }
.button:hover:not(:disabled) { border-color: #c5cbe0; background: #f7f8fc; }
.button:disabled { opacity: .5; cursor: default; }
.button:focus-visible, input:focus-visible, .drop-zone:focus-within { outline: 3px solid rgba(58,87,232,.35); outline-offset: 1px; }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.button.primary:hover { background: #2f49c9; }
.button.danger { color: var(--danger); }
.button.quiet { border-color: transparent; background: transparent; color: var(--muted); }
.button.small { padding: 3px 10px; font-size: 13px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.drop-zone { border: 2px dashed #c5cbe0; border-radius: var(--radius); padding: 22px; text-align: center; background: #fafbfe; transition: background .15s, border-color .15s; }
.drop-zone p { margin: 0 0 10px; }
.drop-zone.dragging { border-color: var(--accent); background: #eef1ff; }
.inline-form label { display: block; font-weight: 550; margin-bottom: 6px; }
.field { display: flex; gap: 8px; }
.field input { flex: 1; min-width: 0; padding: 7px 10px; border: 1px solid var(--line); border-radius: 7px; font: inherit; }
.rows { list-style: none; margin: 14px 0 0; padding: 0; display: grid; gap: 10px; }
.upload { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.row-head { display: flex; align-items: center; gap: 8px; }
.row-head .name { flex: 1; font-weight: 550; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
progress { width: 100%; height: 8px; margin: 8px 0 4px; appearance: none; border: none; border-radius: 4px; background: #eceef4; overflow: hidden; }
progress::-webkit-progress-bar { background: #eceef4; border-radius: 4px; }
progress::-webkit-progress-value { background: var(--accent); border-radius: 4px; transition: width .2s; }
.upload[data-state="done"] progress::-webkit-progress-value { background: var(--ok); }
.upload[data-state="failed"] progress::-webkit-progress-value, .upload[data-state="cancelled"] progress::-webkit-progress-value { background: #b8bdc9; }
.status { margin: 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.upload[data-state="done"] .status { color: var(--ok); }
.upload[data-state="failed"] .status { color: var(--danger); }
.badge { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: #eef0f6; color: var(--muted); }
.badge.multipart { background: #fff1e0; color: var(--warn); }
.badge.direct { background: #eef1ff; color: var(--accent); }
.badge.stored { background: #e3f6ee; color: var(--ok); }
.badge.temporary { background: #fff1e0; color: var(--warn); }
.group-result:empty { display: none; }
.group-result { margin: 8px 0; padding: 8px 12px; background: #eef1ff; border-radius: 8px; }
.files { list-style: none; margin: 12px 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
.file { display: flex; gap: 12px; border: 1px solid var(--line); border-radius: 8px; padding: 10px; align-items: flex-start; min-width: 0; }
.preview { width: 72px; height: 72px; flex: none; border-radius: 6px; object-fit: cover; background: #eceef4; }
.preview.placeholder { display: grid; place-items: center; font-size: 12px; font-weight: 700; color: var(--muted); }
.file-body { min-width: 0; flex: 1; }
.file-name { display: flex; gap: 6px; align-items: center; font-weight: 550; }
.file-name span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.meta { margin: 2px 0 6px; font-size: 12.5px; color: var(--muted); overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.transform-form { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; }
.transform-form > label { display: grid; gap: 4px; font-size: 13px; font-weight: 550; }
.transform-form input[type="number"], .transform-form select { padding: 5px 8px; border: 1px solid var(--line); border-radius: 7px; font: inherit; }
.transform-form input[type="number"] { width: 90px; }
.transform-form fieldset { display: flex; flex-wrap: wrap; gap: 4px 12px; border: 1px solid var(--line); border-radius: 7px; padding: 6px 10px; margin: 0; font-size: 13px; }
.transform-form legend { font-weight: 550; padding: 0 4px; }
.transform-url { margin: 12px 0 8px; font: 12.5px ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.transform-result { margin: 0; }
.transform-result img:not([src]) { display: none; }
.transform-result img { max-width: 100%; border-radius: 6px; background: repeating-conic-gradient(#eceef4 0% 25%, #fff 0% 50%) 50% / 16px 16px; }
.transform-result figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; overflow-wrap: anywhere; }
.list-end { text-align: center; color: var(--muted); margin: 16px 0 0; font-size: 13px; }
.list-end[data-state="failed"] { color: var(--danger); }
`;
