import { useEffect } from 'react';
import { de } from '@shared/i18n/de';

/** Containers that scroll on their own (tables wider or longer than the pane, previews). */
const SELECTOR = '.table-scroll, .table-wrap, .scroll-x, .preview-scroll, [data-scroll-region]';

/**
 * Every area that actually scrolls must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable),
 * else its hidden part cannot be read without a mouse. One watcher for the whole window instead of a prop
 * on ~30 wrappers: an area that scrolls gets tabindex=0, role=region and a name (its table's caption or
 * heading); one that no longer scrolls loses the Tab stop again, so fitting tables add no needless stops.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    const resize = new ResizeObserver((entries) => entries.forEach((e) => mark(e.target as HTMLElement)));
    const watched = new WeakSet<Element>();
    const scan = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
        if (!watched.has(el)) {
          watched.add(el);
          resize.observe(el);
          const inner = el.firstElementChild;
          if (inner) resize.observe(inner);
        }
        mark(el);
      }
    };
    // Inner size changes (rows added) do not resize the container itself: check on DOM changes too.
    let queued = false;
    const mutations = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        scan();
      });
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    scan();
    return () => {
      mutations.disconnect();
      resize.disconnect();
    };
  }, []);
}

function mark(el: HTMLElement): void {
  if (!el.matches(SELECTOR)) {
    const parent = el.parentElement;
    if (parent?.matches(SELECTOR)) mark(parent);
    return;
  }
  const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  // What this watcher added (and may take away again); attributes set by the component stay untouched.
  const added = el.dataset.scrollManaged;
  if (scrolls && added === undefined && !el.hasAttribute('tabindex')) {
    const set: string[] = ['tabindex'];
    el.tabIndex = 0;
    if (!el.hasAttribute('role')) {
      el.setAttribute('role', 'region');
      set.push('role');
    }
    if (!el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) {
      el.setAttribute('aria-label', nameOf(el));
      set.push('aria-label');
    }
    el.dataset.scrollManaged = set.join(' ');
  } else if (!scrolls && added !== undefined) {
    for (const name of added.split(' ')) el.removeAttribute(name);
    delete el.dataset.scrollManaged;
  }
}

function nameOf(el: HTMLElement): string {
  const caption = el.querySelector('caption')?.textContent?.trim();
  if (caption) return de.lists.scrollRegionOf(caption);
  const heading = el.closest('section, article, div[role="tabpanel"]')?.querySelector('h1, h2, h3')?.textContent?.trim();
  return heading ? de.lists.scrollRegionOf(heading) : de.lists.scrollRegion;
}
