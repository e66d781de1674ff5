import type { Program } from './program.entity';

/** The hosted partner portal of a program, served by this API at /p/<slug>. */
export function hostedPortalUrl(publicUrl: string, program: Pick<Program, 'slug'>): string {
  return `${publicUrl}/p/${program.slug}`;
}

/**
 * The program's logo as served by the portal. By id, not slug, so a link already in a
 * partner's inbox keeps working when the slug changes; the version busts caches on a new logo.
 */
export function logoUrl(
  publicUrl: string,
  program: Pick<Program, 'id' | 'logoVersion'>,
): string | null {
  return program.logoVersion ? `${publicUrl}/p/${program.id}/logo?v=${program.logoVersion}` : null;
}

/** Where partners submit leads: the company's own page if it set one, else the hosted portal. */
export function partnerPortalUrl(
  publicUrl: string,
  program: Pick<Program, 'slug' | 'portalUrl'>,
): string {
  return program.portalUrl ?? hostedPortalUrl(publicUrl, program);
}
