import './internal/process-polyfill.js';
import './styles.css';

import { render } from 'preact';

import { App, AuthHelp } from './app.js';
import { hashWithoutToken, takeSessionToken } from './session-token.js';

const root = document.getElementById('app');
if (root !== null) {
  const token = takeSessionToken(location.hash, sessionStorage);
  if (location.hash !== '' && location.hash !== hashWithoutToken(location.hash)) {
    // Keep the token out of the address bar, history and bookmarks once stored.
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}${hashWithoutToken(location.hash)}`,
    );
  }
  render(
    token === undefined ? <AuthHelp /> : <App token={token} serviceUrl={location.origin} />,
    root,
  );
}
