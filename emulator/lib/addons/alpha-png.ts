import { pngFile } from '../convert/png-file.js';

/** The largest side of a remove.bg placeholder: bigger sources are scaled down to fit. */
const MAX_SIDE = 1024;

/**
 * An RGBA PNG of the source's proportions (at most 1024 px a side) whose border is transparent and centre an opaque
 * grey ellipse: the shape of a remove.bg result (subject kept, background gone), a placeholder since the emulator
 * does not read pixels (docs/emulator.md).
 */
export function alphaPng(width: number, height: number): Uint8Array {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const rows = Buffer.alloc(h * (1 + w * 4));
  for (let y = 0; y < h; y++) {
    const row = y * (1 + w * 4);
    for (let x = 0; x < w; x++) {
      const dx = (x + 0.5) / w - 0.5;
      const dy = (y + 0.5) / h - 0.5;
      const inside = dx * dx + dy * dy <= 0.16;
      rows.fill(inside ? 128 : 0, row + 1 + x * 4, row + 1 + x * 4 + 3);
      rows[row + 1 + x * 4 + 3] = inside ? 255 : 0;
    }
  }
  return pngFile(w, h, 6, rows);
}
