import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';

import { Link } from './components/link.js';
import { createConnectionMonitor } from './connection.js';
import type { ConnectionState } from './connection.js';
import { JobPage } from './pages/job-page.js';
import { JobsPage } from './pages/jobs-page.js';
import { SubmitPage } from './pages/submit-page.js';
import { parseRoute, routePath } from './route.js';
import type { Route } from './route.js';
import { createStudioApi } from './studio-api.js';
import { StudioContext } from './studio-context.js';
import type { StudioContextValue } from './studio-context.js';
import { isStudioError, StudioErrorCode } from './studio-error.js';

/** The page shown without a token: how to open the studio. */
export function AuthHelp(props: { readonly refused?: boolean }) {
  return (
    <main id="main" class="auth">
      <h1>amlkit studio</h1>
      {props.refused === true ? (
        <p class="error" role="alert">
          The service refused the token of this page (it changes when the service's data directory
          changes).
        </p>
      ) : (
        <p>This page needs the token of your local amlkit service.</p>
      )}
      <p>Open the studio from a terminal, which passes the token in the address:</p>
      <pre>amlkit studio</pre>
      <p>
        or <code>amlkit studio --print-url</code> to print the address without opening a browser, or{' '}
        <code>amlkit job create -f job.yml --web</code> to submit a job and open it here. The
        address looks like <code>http://127.0.0.1:&lt;port&gt;/studio/#token=&lt;token&gt;</code>;
        the token is in <code>~/.amlkit/token</code> (or <code>$AMLKIT_HOME/token</code>).
      </p>
    </main>
  );
}

/** The studio: header, connection banner and the current page. */
export function App(props: { readonly token: string; readonly serviceUrl: string }) {
  const api = useMemo(
    () => createStudioApi(props.serviceUrl, props.token),
    [props.serviceUrl, props.token],
  );
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const [connection, setConnection] = useState<ConnectionState>({ online: true, generation: 0 });
  const [refused, setRefused] = useState(false);
  const monitor = useMemo(
    () => createConnectionMonitor({ probe: () => api.health(), onChange: setConnection }),
    [api],
  );
  useEffect(
    () => () => {
      monitor.close();
    },
    [monitor],
  );

  useEffect(() => {
    const onPop = (): void => {
      setRoute(parseRoute(location.pathname));
    };
    addEventListener('popstate', onPop);
    return () => {
      removeEventListener('popstate', onPop);
    };
  }, []);

  const navigate = useCallback((next: Route) => {
    history.pushState(null, '', routePath(next));
    setRoute(next);
    scrollTo(0, 0);
  }, []);
  const reportError = useCallback(
    (error: unknown) => {
      if (!isStudioError(error)) return;
      if (error.code === StudioErrorCode.Unreachable) monitor.reportUnreachable();
      if (error.code === StudioErrorCode.Unauthorized) setRefused(true);
    },
    [monitor],
  );
  const value: StudioContextValue = useMemo(
    () => ({ api, connection, navigate, reportError }),
    [api, connection, navigate, reportError],
  );

  useEffect(() => {
    document.title =
      route.page === 'job'
        ? `${route.name} · amlkit studio`
        : route.page === 'submit'
          ? 'Submit · amlkit studio'
          : 'Jobs · amlkit studio';
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);

  if (refused) return <AuthHelp refused />;
  return (
    <StudioContext.Provider value={value}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to={{ page: 'jobs' }} class="brand">
          amlkit studio
        </Link>
        <nav aria-label="Main">
          <Link to={{ page: 'jobs' }}>Jobs</Link>
          <Link to={{ page: 'submit' }}>Submit</Link>
        </nav>
      </header>
      {connection.online ? null : (
        <div class="banner" role="alert">
          The amlkit service at {props.serviceUrl} is not answering. Reconnecting… (start it with{' '}
          <code>amlkit server start</code>)
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {route.page === 'jobs' ? <JobsPage /> : null}
        {route.page === 'submit' ? <SubmitPage /> : null}
        {route.page === 'job' ? <JobPage key={route.name} name={route.name} /> : null}
        {route.page === 'not-found' ? (
          <section>
            <h1>Page not found</h1>
            <p>
              There is no studio page at <code>{route.path}</code>.{' '}
              <Link to={{ page: 'jobs' }}>Go to the jobs.</Link>
            </p>
          </section>
        ) : null}
      </main>
    </StudioContext.Provider>
  );
}
