import { useLayoutEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  next: () => void;
  previous: () => void;
  toggleSelect: () => void;
  open: () => void;
  qualify: () => void;
  win: () => void;
  lose: () => void;
  search: () => void;
  help: () => void;
  clear: () => void;
}

/** Shortcuts shown in the help dialog, in the order they are listed. */
export const SHORTCUTS: [string[], string][] = [
  [['j'], 'Next lead'],
  [['k'], 'Previous lead'],
  [['x'], 'Select or unselect the lead'],
  [['Enter', 'o'], 'Open the lead'],
  [['q'], 'Qualify (the selected leads, or the current one)'],
  [['w'], 'Mark won'],
  [['l'], 'Mark lost'],
  [['/'], 'Search'],
  [['Esc'], 'Clear the selection'],
  [['?'], 'Show these shortcuts'],
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Gmail-style single keys for triaging the inbox. Ignored while typing, with a modifier held,
 * or while a dialog is open, so they never fight with text entry or the browser's own keys.
 */
export function useInboxKeys(handlers: InboxKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  // Layout effect: the keys work from the first paint of the list, not a frame later.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const h = ref.current;
      const actions: Record<string, () => void> = {
        j: h.next,
        k: h.previous,
        x: h.toggleSelect,
        o: h.open,
        Enter: h.open,
        q: h.qualify,
        w: h.win,
        l: h.lose,
        '/': h.search,
        '?': h.help,
        Escape: h.clear,
      };
      const action = actions[event.key];
      // Enter on a focused link or button keeps its own meaning.
      if (
        !action ||
        (event.key === 'Enter' &&
          event.target instanceof HTMLElement &&
          event.target.closest('a,button'))
      ) {
        return;
      }
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
