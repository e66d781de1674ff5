import { type CSSResult, LitElement, supportsAdoptingStyleSheets } from 'lit';

const styleIds = new WeakMap<CSSResult, string>();
let nextStyleId = 0;

function styleId(style: CSSResult): string {
  let id = styleIds.get(style);
  if (!id) {
    id = String(++nextStyleId);
    styleIds.set(style, id);
  }
  return id;
}

/**
 * Base of the views inside `<lead-form>`. A view renders into the lead-form's shadow root (no
 * shadow root of its own), so one set of design tokens, one id scope for `aria-describedby`,
 * and `lead-form::part(…)` reach every element of every view without `exportparts` chains.
 */
export class ViewElement extends LitElement {
  /** Styles this view needs in the host shadow root (added once, also for lazy-loaded views). */
  static viewStyles: CSSResult[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    const styles = (this.constructor as typeof ViewElement).viewStyles;
    if (!(root instanceof ShadowRoot) || styles.length === 0) return;
    if (!supportsAdoptingStyleSheets) {
      // Browsers without constructable stylesheets get one <style> per sheet, as Lit does.
      for (const style of styles) {
        const id = styleId(style);
        if (root.querySelector(`style[data-view-style="${id}"]`)) continue;
        const element = document.createElement('style');
        element.dataset.viewStyle = id;
        element.textContent = style.cssText;
        root.append(element);
      }
      return;
    }
    const sheets = styles
      .map((style) => style.styleSheet)
      .filter(
        (sheet): sheet is CSSStyleSheet => !!sheet && !root.adoptedStyleSheets.includes(sheet),
      );
    if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }
}
