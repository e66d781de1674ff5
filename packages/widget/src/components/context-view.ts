import type { PropertyDeclarations } from 'lit';
import { viewsStyles } from '../styles/views.styles.js';
import type { ViewContext } from './navigation.js';
import { ViewElement } from './view-element.js';

/** A view loaded on demand: it gets everything from the shell in one `context` property. */
export class ContextView extends ViewElement {
  static override viewStyles = [viewsStyles];
  static override properties: PropertyDeclarations = { context: { attribute: false } };

  declare context: ViewContext;
}
