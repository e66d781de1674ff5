import { createHash } from 'node:crypto';

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The first bytes each accepted format starts with (SVG is refused: it can carry script). */
const SIGNATURES: Record<LogoType, (bytes: Buffer) => boolean> = {
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/gif': (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
};

export interface LogoImage {
  type: LogoType;
  bytes: Buffer;
  /** Short content hash: the logo URL's cache-busting version. */
  version: string;
}

export type LogoProblem = { code: 'invalid_image' | 'logo_too_large'; message: string };

/**
 * A logo sent as a `data:image/…;base64,…` URL (what a browser's FileReader gives). Its bytes
 * must really be the declared PNG, JPEG, WebP or GIF, and at most 256 kB.
 */
export function parseLogo(dataUrl: string): LogoImage | LogoProblem {
  const match = /^data:(image\/[a-z+.-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl.trim());
  const type = LOGO_TYPES.find((t) => t === match?.[1]);
  if (!match || !type) {
    return {
      code: 'invalid_image',
      message: 'The logo must be a PNG, JPEG, WebP or GIF image.',
    };
  }
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    return {
      code: 'logo_too_large',
      message: `The logo is ${Math.ceil(bytes.length / 1024)} kB; use an image of at most ${LOGO_MAX_BYTES / 1024} kB.`,
    };
  }
  if (bytes.length === 0 || !SIGNATURES[type](bytes)) {
    return {
      code: 'invalid_image',
      message: `This file is not a ${type.slice(6).toUpperCase()} image: use a PNG, JPEG, WebP or GIF.`,
    };
  }
  return { type, bytes, version: createHash('sha256').update(bytes).digest('hex').slice(0, 12) };
}
