import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { restoreSession } from './lib/api-client';
import { startI18n } from './lib/i18n';
import { registerServiceWorker } from './lib/pwa';
import './styles.css';
import './shell.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The session is asked for at once, while the page's code is still arriving (not after it).
void restoreSession();

void startI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  ),
);

registerServiceWorker();
