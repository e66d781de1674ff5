import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Translate } from '../i18n/i18n.js';
import { kebabIcon } from './icons.js';
import type { Navigation } from './navigation.js';

type MenuChoice = 'import' | 'history';

/**
 * The "⋮" menu beside a view's title (Submit a lead, My leads): import leads, import history.
 * A menu button with arrow keys, Home/End, Escape and Tab, closed by a click elsewhere. Its
 * styles are in the shell's first load (submit-view.styles).
 */
export class ActionsMenu implements ReactiveController {
  open = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly id: string,
    private readonly navigate: (to: Navigation) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  private onDocumentPointerDown = (event: PointerEvent) => {
    const anchor = this.host.querySelector(`#${this.id}-anchor`);
    if (this.open && anchor && !event.composedPath().includes(anchor)) this.close(false);
  };

  private items(): HTMLElement[] {
    return [...this.host.querySelectorAll<HTMLElement>(`#${this.id} [role="menuitem"]`)];
  }

  private async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  private close(returnFocus: boolean): void {
    this.open = false;
    this.host.requestUpdate();
    if (returnFocus) this.host.querySelector<HTMLElement>(`#${this.id}-button`)?.focus();
  }

  private onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.show('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show('last');
    }
  };

  private onMenuKey = (event: KeyboardEvent) => {
    const items = this.items();
    const index = items.indexOf(event.target as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    } else if (event.key === 'Tab') this.close(false);
  };

  private choose(to: MenuChoice): void {
    this.close(false);
    this.navigate({ view: 'import', history: to === 'history' });
  }

  render(t: Translate): TemplateResult {
    const id = this.id;
    const item = (to: MenuChoice, label: string) =>
      html`<li role="none"><button type="button" role="menuitem" part="menu-item" tabindex="-1" @click=${() => this.choose(to)}>${label}</button></li>`;
    return html`<div class="menu-anchor" id="${id}-anchor">
      <button
        type="button"
        id="${id}-button"
        class="icon-button"
        part="button menu-button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${id}
        aria-label=${t('submit.moreActions')}
        title=${t('submit.moreActions')}
        @click=${() => (this.open ? this.close(false) : void this.show('first'))}
        @keydown=${this.onButtonKey}
      >
        ${kebabIcon}
      </button>
      <ul id=${id} role="menu" part="menu" aria-labelledby="${id}-button" ?hidden=${!this.open} @keydown=${this.onMenuKey}>
        ${item('import', t('submit.importLeads'))}${item('history', t('submit.importHistory'))}
      </ul>
    </div>`;
  }
}
