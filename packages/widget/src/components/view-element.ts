import { adoptStyles, type CSSResult, LitElement, supportsAdoptingStyleSheets } from 'lit';

/** The view styles each shadow root holds already (lazy-loaded views add theirs once). */
const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

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
    if (!(root instanceof ShadowRoot)) return;
    const has = adopted.get(root) ?? new Set();
    adopted.set(root, has);
    const styles = (this.constructor as typeof ViewElement).viewStyles.filter(
      (style) => !has.has(style),
    );
    for (const style of styles) has.add(style);
    if (!styles.length) return;
    // Without constructable stylesheets, Lit's adoptStyles appends a <style> per sheet.
    if (supportsAdoptingStyleSheets) {
      root.adoptedStyleSheets = [
        ...root.adoptedStyleSheets,
        ...styles.map((style) => style.styleSheet as CSSStyleSheet),
      ];
    } else adoptStyles(root, styles);
  }
}
