import type { ComponentChildren } from 'preact';

import { routePath } from '../route.js';
import type { Route } from '../route.js';
import { useStudio } from '../studio-context.js';

/** An in-app link: a real `<a href>` (new tab, copy link work) that navigates without a reload. */
export function Link(props: {
  readonly to: Route;
  readonly children: ComponentChildren;
  readonly class?: string;
}) {
  const { navigate } = useStudio();
  return (
    <a
      href={routePath(props.to)}
      class={props.class}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
