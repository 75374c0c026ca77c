import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import '../i18n';
import '../styles/tokens.css';
import '../styles/elements.css';
import '../styles/app.css';
import './console.css';
import { ConsoleApp } from './ConsoleApp';

registerSW({ immediate: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
