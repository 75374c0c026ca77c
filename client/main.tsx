import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { i18nReady } from './i18n';
import { consoleAddressOf } from './navigation/console-pages';
import { startScanReading } from './scanning/useWedgeScan';
import './styles/tokens.css';
import './styles/elements.css';
import './styles/app.css';

registerSW({ immediate: true });

// Console pages once lived in this entry (#/qc, #/console, ...): such an address opens the console instead.
const moved = consoleAddressOf(location.hash);
if (moved) location.replace(moved);

// Read before anything is drawn: a scan sent while the app or a screen loads is held for the screen.
startScanReading();

// The texts come in a chunk of their own; painting before them would show keys for a moment.
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
