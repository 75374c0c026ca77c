import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { i18nReady } from '../i18n';
import '../styles/tokens.css';
import '../styles/elements.css';
import '../styles/app.css';
import './console.css';
import { ConsoleApp } from './ConsoleApp';

registerSW({ immediate: true });

// The texts come in a chunk of their own; painting before them would show keys for a moment.
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  ),
);
