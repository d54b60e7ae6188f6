// Entry of `dist/query.cjs`: `jmespath`, bundled on its own so that only `--query` loads it.
export { search } from 'jmespath';
