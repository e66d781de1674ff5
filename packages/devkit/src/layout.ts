/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/** What a browser test learns about a page's layout at the current viewport. */
export interface LayoutReport {
  /** How far the document scrolls sideways (0 when it does not). */
  overflow: number;
  /** One line per control that cannot be reached, saying where it went. */
  unreachable: string[];
  /** How many visible controls were checked. */
  checked: number;
}

/** The part of Playwright's Page this needs (devkit does not depend on Playwright). */
export interface EvaluatingPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Waits until the page has laid out after a resize: two frames, then every CSS transition the
 * resize started (a sidebar sliding away) has ended. Endless animations (spinners) are ignored.
 */
export async function settleLayout(page: EvaluatingPage): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    await frame();
    await frame();
    const transitions = document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition);
    await Promise.all(transitions.map((transition) => transition.finished.catch(() => {})));
  }, undefined);
}

export interface LayoutOptions {
  /**
   * CSS selector of the element whose controls are checked (searched through open shadow
   * roots, so `lead-form` covers everything the widget renders). Default: the whole document.
   */
  within?: string;
}

/**
 * Checks, in the page as it is now, that the document does not scroll sideways and that every
 * visible control (button, link, form control, tab, focusable element) can be reached: scrolled
 * into view it lies inside the viewport, is not cut off by a box that clips it sideways, and is
 * the element a click at its centre would hit. Controls inside a box that scrolls sideways on
 * purpose (a wide grid) count as reachable when that box scrolls them into view.
 */
export async function checkLayout(
  page: EvaluatingPage,
  options: LayoutOptions = {},
): Promise<LayoutReport> {
  return await page.evaluate(async ({ within }) => {
    const CONTROLS =
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="tab"], [role="menuitem"], [tabindex="0"]';
    const root = document.documentElement;
    const viewportWidth = root.clientWidth;
    const viewportHeight = window.innerHeight;
    const startX = window.scrollX;
    const startY = window.scrollY;

    /** Every element matching `selector` under `node`, looking inside open shadow roots. */
    const deepQuery = (node: ParentNode, selector: string): Element[] => {
      const found: Element[] = [...node.querySelectorAll(selector)];
      for (const element of node.querySelectorAll('*')) {
        if (element.shadowRoot) found.push(...deepQuery(element.shadowRoot, selector));
      }
      return found;
    };
    const parentOf = (element: Element): Element | null =>
      element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
    const isShown = (element: Element): boolean => {
      if (element.getClientRects().length === 0) return false;
      for (let node: Element | null = element; node; node = parentOf(node)) {
        const style = getComputedStyle(node);
        if (style.visibility === 'hidden' || style.display === 'none') return false;
        if (node.hasAttribute('inert')) return false;
      }
      // Visually hidden on purpose (screen-reader text, a native file input behind a button).
      const rect = element.getBoundingClientRect();
      return rect.width > 1 && rect.height > 1;
    };
    const describe = (element: Element): string => {
      const label =
        element.getAttribute('aria-label') ??
        (element as HTMLInputElement).labels?.[0]?.textContent ??
        element.textContent ??
        '';
      const id = element.id ? `#${element.id}` : '';
      return `<${element.tagName.toLowerCase()}${id}> "${label.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    };

    const scopes = within ? deepQuery(document, within) : [document.body];
    const controls = scopes.flatMap((scope) => [
      ...(scope.matches(CONTROLS) ? [scope] : []),
      ...deepQuery(scope.shadowRoot ?? scope, CONTROLS),
    ]);
    const unreachable: string[] = [];
    let checked = 0;
    // Boxes scrolled to reveal a control are put back afterwards, as the person left them.
    const scrolled = new Map<Element, [number, number]>();
    const remember = (element: Element) => {
      for (let box = parentOf(element); box && box !== root; box = parentOf(box)) {
        if (!scrolled.has(box)) scrolled.set(box, [box.scrollLeft, box.scrollTop]);
      }
    };
    for (const control of new Set(controls)) {
      if (!isShown(control)) continue;
      checked++;
      remember(control);
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      let rect = control.getBoundingClientRect();
      const inView = () =>
        rect.left >= -1 &&
        rect.right <= viewportWidth + 1 &&
        (rect.height > viewportHeight || (rect.top >= -1 && rect.bottom <= viewportHeight + 1));
      // Shown on focus only, as a skip link is: reachable if focusing it brings it in view.
      const before = (control.getRootNode() as Document | ShadowRoot).activeElement;
      const focused = !inView() && control instanceof HTMLElement;
      if (focused) {
        control.focus({ preventScroll: true });
        rect = control.getBoundingClientRect();
      }
      const problems: string[] = [];
      if (rect.left < -1 || rect.right > viewportWidth + 1) {
        problems.push(
          `outside the viewport sideways (${Math.round(rect.left)}–${Math.round(rect.right)} of ${viewportWidth} px)`,
        );
      }
      if (rect.height <= viewportHeight && (rect.top < -1 || rect.bottom > viewportHeight + 1)) {
        problems.push(`outside the viewport vertically (${Math.round(rect.top)} px)`);
      }
      for (let box = parentOf(control); box && box !== root; box = parentOf(box)) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = box.getBoundingClientRect();
        if (rect.left < clip.left - 1 || rect.right > clip.right + 1) {
          problems.push(`cut off sideways by ${describe(box)}`);
          break;
        }
      }
      if (problems.length === 0 && rect.height <= viewportHeight) {
        const x = Math.min(Math.max(rect.left + rect.width / 2, 0), viewportWidth - 1);
        const y = Math.min(
          Math.max(rect.top + Math.min(rect.height / 2, 20), 0),
          viewportHeight - 1,
        );
        const hitRoot = control.getRootNode() as Document | ShadowRoot;
        const hit = hitRoot.elementFromPoint(x, y);
        if (hit && hit !== control && !control.contains(hit) && !hit.contains(control)) {
          problems.push(`covered by ${describe(hit)}`);
        }
      }
      if (focused) {
        control.blur();
        if (before instanceof HTMLElement) before.focus({ preventScroll: true });
      }
      if (problems.length > 0) unreachable.push(`${describe(control)}: ${problems.join('; ')}`);
    }
    for (const [box, [left, top]] of scrolled) box.scrollTo(left, top);
    window.scrollTo(startX, startY);
    return { overflow: root.scrollWidth - root.clientWidth, unreachable, checked };
  }, options);
}
