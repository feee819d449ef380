/**
 * After a screen is chosen (side navigation, menu), the focus goes to the new screen's h1, so keyboard and
 * screen-reader users start at the content instead of Tabbing through the navigation again. The screen may
 * still be loading (its code chunk, its data): wait a few frames for an h1 that was not there before.
 */
export function focusHeadingSoon(previous: Element | null, sameScreen = false, timeoutMs = 4000): void {
  const start = performance.now();
  const step = () => {
    const heading = document.querySelector<HTMLElement>('#main h1');
    // The same screen chosen again keeps its h1; another screen's h1 is a new element (it may take a while).
    if (heading && (heading !== previous || (sameScreen && performance.now() - start > 100))) {
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
