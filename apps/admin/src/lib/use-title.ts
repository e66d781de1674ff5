import { useEffect } from 'react';

/** The tab's title, so history, bookmarks and screen readers name the page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Leadbridge`;
  }, [title]);
}
