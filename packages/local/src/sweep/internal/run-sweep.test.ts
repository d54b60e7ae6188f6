import { describe, expect, it } from 'vitest';

import { substituteSearchSpace } from './run-sweep.js';

describe('substituteSearchSpace', () => {
  it('substitutes sampled values verbatim and leaves unknown names and other bindings', () => {
    expect(
      substituteSearchSpace(
        'train --lr ${{search_space.lr}} --opt ${{ search_space.opt }} --x ${{search_space.x}} --in ${{inputs.a}}',
        { lr: 0.01, opt: 'adam' },
      ),
    ).toBe('train --lr 0.01 --opt adam --x ${{search_space.x}} --in ${{inputs.a}}');
  });
});
