import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Every row is this tall (px), so a row's position gives its offset without measuring. */
export const ROW_HEIGHT = 36;

/**
 * Which rows of a long scrolling list are in the DOM: those in view plus a margin (`overscan`)
 * either side, following the scroll box's scrolling and size. The host renders rows
 * `window().first` to `window().last` and spacers for the rest.
 */
export class VirtualRowsController implements ReactiveController {
  /** Rows rendered beyond each edge of the view. */
  readonly overscan = 8;
  private scrollTop = 0;
  private viewport = 400;
  private frame = 0;
  private observer: ResizeObserver | null = null;

  /**
   * @param selector the scroll box, inside the host
   * @param count how many rows there are now
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly selector: string,
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  private scroller(): HTMLElement | null {
    return this.host.querySelector<HTMLElement>(this.selector);
  }

  /** Once the scroll box is rendered: follow its height. */
  hostUpdated(): void {
    const scroller = this.observer ? null : this.scroller();
    if (!scroller) return;
    const measure = () => {
      const height = scroller.clientHeight || this.viewport;
      if (height === this.viewport) return;
      this.viewport = height;
      this.host.requestUpdate();
    };
    measure();
    this.observer = new ResizeObserver(measure);
    this.observer.observe(scroller);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = null;
  }

  /** The rows to render: [first, last). */
  window(): { first: number; last: number } {
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - this.overscan);
    const last = Math.min(
      this.count(),
      first + Math.ceil(this.viewport / ROW_HEIGHT) + this.overscan * 2,
    );
    return { first, last };
  }

  /** Rows one Page Up/Down moves. */
  page(): number {
    return Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
  }

  /** The scroll box scrolled: render the rows now in view, then tell `after` which they are. */
  onScroll(after: (first: number, last: number) => void): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const scroller = this.scroller();
      if (!scroller) return;
      this.scrollTop = scroller.scrollTop;
      this.host.requestUpdate();
      const { first, last } = this.window();
      after(first, last);
    });
  }

  scrollTo(top: number): void {
    const scroller = this.scroller();
    if (scroller) scroller.scrollTop = top;
    this.scrollTop = top;
    this.host.requestUpdate();
  }

  /** Scrolls so that a row is in view (it is rendered on the next update). */
  reveal(position: number): void {
    const scroller = this.scroller();
    if (!scroller) return;
    const header = this.host.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    const top = position * ROW_HEIGHT;
    const visible = scroller.clientHeight - header;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + visible)
      scroller.scrollTop = top + ROW_HEIGHT - visible;
    this.scrollTop = scroller.scrollTop;
    this.host.requestUpdate();
  }
}
