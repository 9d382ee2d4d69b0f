/**
 * 亮证亮照: how a picked picture becomes the staff photo (pure). The screens show a 3:4 portrait
 * of 240×320: the largest 3:4 part of the picture, centred across and, from a tall picture, taken
 * nearer the top (a person's head is in the upper part of a portrait, rarely at its middle).
 */
export const PHOTO_WIDTH = 240;
export const PHOTO_HEIGHT = 320;
/** JPEG quality: about 15–40 kB for a real face at 240×320. */
export const PHOTO_QUALITY = 0.85;

export interface CropRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/** Share of a tall picture's extra height left above the crop (0: the top, 0.5: the middle). */
const TOP_BIAS = 0.3;

/** The part of a `w`×`h` picture to draw into the `outW`×`outH` photo; whole pixels, inside the picture. */
export function portraitCrop(w: number, h: number, outW = PHOTO_WIDTH, outH = PHOTO_HEIGHT): CropRect {
  if (!(w > 0 && h > 0)) throw new Error(`no picture to crop (${w}×${h})`);
  const ratio = outW / outH;
  if (w / h > ratio) {
    // Wider than 3:4: the full height, the middle of the width.
    const sw = Math.max(1, Math.round(h * ratio));
    return { sx: Math.floor((w - sw) / 2), sy: 0, sw, sh: h };
  }
  const sh = Math.max(1, Math.round(w / ratio));
  return { sx: 0, sy: Math.floor((h - sh) * TOP_BIAS), sw: w, sh };
}

/** Qualities to try, best first, until the JPEG fits under the server's cap (a very busy picture). */
export function qualitySteps(first = PHOTO_QUALITY): number[] {
  return [first, 0.75, 0.6, 0.45].filter((q, i, all) => q <= first && all.indexOf(q) === i);
}
