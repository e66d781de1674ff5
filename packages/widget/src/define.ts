/**
 * Registers a custom element unless the name is taken: a page may load the widget twice (two
 * script tags, or the npm package next to the hosted script), and a second `define` throws.
 */
export function defineOnce(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
