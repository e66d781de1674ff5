import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/**
 * A tooltip under the hovered or focused element of the host (the preview grid's cell
 * problems), kept inside the host's own box so it never reaches past the page's edge.
 */
export class TooltipController implements ReactiveController {
  private tip: { text: string; x: number; y: number } | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Shows `text` under the event's element. */
  show(event: Event, text: string): void {
    const host = this.host;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const origin = host.getBoundingClientRect();
    // The tooltip is at most 22rem wide: a tip on the last column stays within the host.
    const widest = Math.min(22 * Number.parseFloat(getComputedStyle(host).fontSize), origin.width);
    const x = Math.max(0, Math.min(box.left - origin.left, origin.width - widest));
    this.tip = { text, x, y: box.bottom - origin.top + 4 };
    host.requestUpdate();
  }

  hide = () => {
    if (!this.tip) return;
    this.tip = null;
    this.host.requestUpdate();
  };

  render(): TemplateResult | typeof nothing {
    const tip = this.tip;
    return tip
      ? html`<div class="grid-tooltip" part="tooltip" role="tooltip" style=${styleMap({ left: `${tip.x}px`, top: `${tip.y}px` })}>${tip.text}</div>`
      : nothing;
  }
}
