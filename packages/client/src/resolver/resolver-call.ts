/**
 * One call recorded by {@link createOfflineResolver}'s trace, shaped like the conformance
 * goldens' `resolver_calls` entries (snake_case keys, `op` discriminator) so a test can compare
 * call by call.
 */
export type ResolverCall =
  | {
      readonly op: 'code';
      readonly key: string;
      readonly name: string;
      readonly version: string;
      readonly id: string;
    }
  | {
      readonly op: 'environment';
      readonly name: string;
      readonly version: string;
      readonly id: string;
      readonly anonymous: boolean;
      readonly image?: string;
      readonly conda_file_yaml?: string;
      readonly inference_config?: unknown;
      readonly build_path?: string;
      readonly build_dockerfile_path?: string | null;
    }
  | {
      readonly op: 'component';
      readonly name: string;
      readonly version: string;
      readonly id: string;
      readonly anonymous: boolean;
      readonly hash_kind?: string;
      readonly hash_input?: unknown;
    }
  | {
      readonly op: 'upload';
      readonly key: string;
      readonly datastore: string;
      readonly uri: string;
    }
  | {
      readonly op: 'label';
      readonly name: string;
      readonly label: string;
      readonly version: string;
    }
  | { readonly op: 'compute_get'; readonly name: string; readonly id: string };
