/**
 * PyYAML 6.0's implicit resolvers (YAML 1.1): the tag a plain scalar would resolve to.
 *
 * Python's `$` also matches just before a final `\n`, hence `\n?$`. Resolvers are looked up by
 * the scalar's first character exactly as `Resolver.resolve` does.
 */
const RESOLVERS: readonly {
  readonly tag: string;
  readonly first: string;
  readonly regexp: RegExp;
}[] = [
  {
    tag: 'tag:yaml.org,2002:bool',
    first: 'yYnNtTfFoO',
    regexp: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\n?$/,
  },
  {
    tag: 'tag:yaml.org,2002:float',
    first: '-+0123456789.',
    regexp:
      /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/,
  },
  {
    tag: 'tag:yaml.org,2002:int',
    first: '-+0123456789',
    regexp:
      /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\n?$/,
  },
  { tag: 'tag:yaml.org,2002:merge', first: '<', regexp: /^(?:<<)\n?$/ },
  { tag: 'tag:yaml.org,2002:null', first: '~nN', regexp: /^(?:~|null|Null|NULL|)\n?$/ },
  {
    tag: 'tag:yaml.org,2002:timestamp',
    first: '0123456789',
    regexp:
      /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\n?$/,
  },
  { tag: 'tag:yaml.org,2002:value', first: '=', regexp: /^(?:=)\n?$/ },
  { tag: 'tag:yaml.org,2002:yaml', first: '!&*', regexp: /^(?:!|&|\*)\n?$/ },
];

/** The tag PyYAML's resolver gives `value` as a plain scalar (`tag:yaml.org,2002:str` if none matches). */
export function resolvePlainScalarTag(value: string): string {
  if (value === '') {
    return 'tag:yaml.org,2002:null';
  }
  const first = value[0]!;
  for (const resolver of RESOLVERS) {
    if (resolver.first.includes(first) && resolver.regexp.test(value)) {
      return resolver.tag;
    }
  }
  return 'tag:yaml.org,2002:str';
}
