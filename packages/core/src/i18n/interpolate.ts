/** Replaces `{name}` placeholders; a missing parameter falls back so a message never shows `{name}`. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>>,
  fallbacks: Readonly<Record<string, string>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value !== undefined && value !== '') return String(value);
    return fallbacks[name] ?? '';
  });
}
