/**
 * After a screen is chosen (side navigation, menu), the focus goes to the new screen's h1, so keyboard and
 * screen-reader users start at the content instead of Tabbing through the navigation again. The screen may
 * still be loading (its code chunk, its data): wait a few frames for an h1 that was not there before.
 */
export function focusHeadingSoon(previous: Element | null, timeoutMs = 4000): void {
  const start = performance.now();
  const step = () => {
    const heading = document.querySelector<HTMLElement>('#main h1');
    // The same screen chosen again keeps its h1: take it after a short wait.
    if (heading && (heading !== previous || performance.now() - start > 250)) {
      heading.tabIndex = -1;
      heading.focus();
      return;
    }
    if (performance.now() - start < timeoutMs) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/** The h1 shown now, to tell it from the next screen's. */
export function currentHeading(): Element | null {
  return document.querySelector('#main h1');
}
