import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { preloadFirstClicks } from './lazyViews';
import './styles.css';

// The page's CSP forbids eval; tell zod not to probe for it (it would only log a CSP violation).
z.config({ jitless: true });

// The Maßnahmen list and a measure's page load now, with the app's code, not when first clicked.
preloadFirstClicks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
