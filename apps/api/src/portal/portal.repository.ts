import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the hosted portal shows of a program: public by nature, like its publishable key. */
export interface PortalProgram {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  companyName: string;
  publishableKey: string;
  brandColor: string | null;
  logoType: string | null;
  logoVersion: string | null;
  version: number;
  archived: boolean;
  formFirstLoaded: boolean;
  /** The program takes applications: the portal offers "Apply to join". */
  applicationsOpen: boolean;
  /** The language for visitors whose browser asks for none Leadbridge speaks. */
  defaultLocale: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Portal lookups by the address in the URL: a program's slug, or its id (logo links in emails
 * use the id so they survive a slug change). The address alone identifies the tenant.
 */
@Injectable()
export class PortalRepository {
  constructor(private readonly db: DataSource) {}

  async find(address: string): Promise<PortalProgram | null> {
    const byId = UUID.test(address);
    if (!byId && address.length > 100) return null;
    const rows: {
      id: string;
      slug: string;
      name: string;
      description: string | null;
      company_name: string;
      publishable_key: string;
      brand_color: string | null;
      logo_type: string | null;
      logo_version: string | null;
      version: number;
      archived: boolean;
      form_first_loaded: boolean;
      applications_open: boolean;
      default_locale: string;
    }[] = await this.db.query(
      `SELECT g.id, g.slug, g.name, g.description, c.name AS company_name, g.publishable_key,
              g.brand_color, g.logo_type, g.logo_version, g.version, g.default_locale,
              g.archived_at IS NOT NULL AS archived,
              g.form_first_loaded_at IS NOT NULL AS form_first_loaded,
              g.applications <> 'closed' AS applications_open
         FROM programs g JOIN companies c ON c.id = g.company_id
        WHERE ${byId ? 'g.id = $1::uuid' : 'g.slug = $1'}`,
      [byId ? address : address.toLowerCase()],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      companyName: row.company_name,
      publishableKey: row.publishable_key,
      brandColor: row.brand_color,
      logoType: row.logo_type,
      logoVersion: row.logo_version,
      version: row.version,
      archived: row.archived,
      formFirstLoaded: row.form_first_loaded,
      applicationsOpen: row.applications_open,
      defaultLocale: row.default_locale,
    };
  }

  async logo(programId: string): Promise<{ bytes: Buffer; type: string } | null> {
    const rows: { logo: Buffer | null; logo_type: string | null }[] = await this.db.query(
      'SELECT logo, logo_type FROM programs WHERE id = $1 AND archived_at IS NULL',
      [programId],
    );
    const row = rows[0];
    return row?.logo && row.logo_type ? { bytes: row.logo, type: row.logo_type } : null;
  }
}
