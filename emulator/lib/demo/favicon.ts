import type { ServerResponse } from 'node:http';

/** Where browsers look for a page's icon when it names none; the demo page names this one. */
export const FAVICON_PATH = '/favicon.ico';

/** The demo's icon: an upward arrow on the page's accent colour. SVG, which browsers take whatever the path says. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#3a57e8"/>
<path d="M16 6 L25 16 H19 V26 H13 V16 H7 Z" fill="#fff"/>
</svg>
`;

/** Answers the icon (without a body for HEAD); browsers may keep it a day. */
export function sendFavicon(res: ServerResponse, method: string): void {
  res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': Buffer.byteLength(ICON), 'Cache-Control': 'max-age=86400' });
  res.end(method === 'HEAD' ? undefined : ICON);
}
