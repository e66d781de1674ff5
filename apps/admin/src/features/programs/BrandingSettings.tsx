import { normalizeBrandColor, textColorOn } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { type ChangeEvent, useState } from 'react';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import type { GeneralDraft } from './GeneralSettings';

/** As the API checks them: a logo is a PNG, JPEG, WebP or GIF of at most 256 kB. */
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const LOGO_MAX_BYTES = 256 * 1024;
const DEFAULT_ACCENT = '#1d4ed8';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The hosted portal's address and the program's look: logo and colour, shown on the portal,
 * in partner emails and as the form's accent there. Part of the General tab's draft.
 */
export function BrandingSettings({
  program,
  draft,
  set,
  errors,
}: {
  program: Program;
  draft: GeneralDraft;
  set: <K extends keyof GeneralDraft>(key: K, value: GeneralDraft[K]) => void;
  errors: { slug?: string; brandColor?: string; logo?: string };
}) {
  const [logoError, setLogoError] = useState<string>();
  const portalBase = program.hostedPortalUrl.slice(0, -program.slug.length);
  const color = normalizeBrandColor(draft.brandColor);
  const accent = color ?? DEFAULT_ACCENT;

  const pickLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) {
      setLogoError(`${file.name} is not a PNG, JPEG, WebP or GIF image.`);
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setLogoError(
        `${file.name} is ${Math.ceil(file.size / 1024)} kB; use an image of at most 256 kB.`,
      );
      return;
    }
    const dataUrl = await readAsDataUrl(file);
    // Its bytes must really be an image the browser (and so partners' browsers) can show.
    const image = new Image();
    image.src = dataUrl;
    try {
      await image.decode();
    } catch {
      setLogoError(`${file.name} cannot be shown as an image: pick a PNG, JPEG, WebP or GIF file.`);
      return;
    }
    setLogoError(undefined);
    set('logo', dataUrl);
  };

  return (
    <>
      <section className="card card-body stack" id="hosted-portal" aria-labelledby="portal-title">
        <h2 className="section-title" id="portal-title">
          Hosted portal
        </h2>
        <p className="muted">
          A page Leadbridge hosts for this program, with your name, logo and colour around the form:
          for partners when you have no website (or no developer to change it). Partner emails link
          here unless you set a partner portal URL above.
        </p>
        <Field
          label="Portal address"
          hint={
            <>
              Your portal: <span className="mono">{`${portalBase}${draft.slug}`}</span>. Lower-case
              letters, digits and hyphens; links already sent stop working when you change it.
            </>
          }
          error={errors.slug}
        >
          {(c) => (
            <input
              {...c}
              className="input mono"
              value={draft.slug}
              autoCapitalize="off"
              spellCheck={false}
              onChange={(e) => set('slug', e.target.value.toLowerCase())}
            />
          )}
        </Field>
        <div className="row">
          <a
            className="btn btn-sm"
            href={program.hostedPortalUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="hosted-portal-link"
          >
            Open hosted portal
          </a>
          <CopyButton text={program.hostedPortalUrl} label="Copy portal link" />
        </div>
      </section>
      <section className="card card-body stack" id="branding" aria-labelledby="branding-title">
        <h2 className="section-title" id="branding-title">
          Logo and colour
        </h2>
        <p className="muted">
          Shown on the hosted portal and in every email partners get from this program.
        </p>
        <Field
          label="Logo"
          hint="PNG, JPEG, WebP or GIF, at most 256 kB; a wide logo about 40 px high looks best."
          error={logoError ?? errors.logo}
        >
          {(c) => (
            <div className="logo-picker">
              {draft.logo ? (
                <img className="logo-preview" src={draft.logo} alt="Logo preview" />
              ) : (
                <span className="logo-preview logo-empty">No logo</span>
              )}
              <input
                {...c}
                type="file"
                accept={LOGO_TYPES.join(',')}
                onChange={(e) => void pickLogo(e)}
              />
              {draft.logo && (
                <Button size="sm" onClick={() => set('logo', null)}>
                  Remove logo
                </Button>
              )}
            </div>
          )}
        </Field>
        <Field
          label="Accent colour"
          hint="Buttons and highlights; text on it turns dark or light to stay readable."
          error={errors.brandColor}
        >
          {(c) => (
            <div className="row">
              <input
                type="color"
                aria-label="Pick the accent colour"
                value={accent}
                onChange={(e) => set('brandColor', e.target.value)}
              />
              <input
                {...c}
                className="input mono color-input"
                placeholder={DEFAULT_ACCENT}
                value={draft.brandColor}
                onChange={(e) => set('brandColor', e.target.value)}
              />
              <span
                className="accent-sample"
                style={{ background: accent, color: textColorOn(accent) }}
                aria-hidden="true"
              >
                Submit lead
              </span>
              {draft.brandColor && (
                <Button size="sm" variant="ghost" onClick={() => set('brandColor', '')}>
                  Use the default
                </Button>
              )}
            </div>
          )}
        </Field>
      </section>
    </>
  );
}
