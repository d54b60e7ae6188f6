/** `identity:` — managed identity, AML token or user identity (§1.12). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** The identity a job runs as, chosen by `type` (`managed` is read as `managed_identity`). */
export const identitySchema = s.discriminated(
  'type',
  {
    managed_identity: s.object({
      type: s.literal('managed_identity', { aliases: { managed: 'managed_identity' } }),
      client_id: s.string().optional(),
      object_id: s.string().optional(),
      msi_resource_id: s.string().optional(),
      principal_id: s.string().optional(),
    }),
    aml_token: s.object({ type: s.literal('aml_token') }),
    user_identity: s.object({ type: s.literal('user_identity') }),
  },
  {
    aliases: { managed: 'managed_identity' },
    expected: 'an identity mapping with type: managed_identity | aml_token | user_identity',
  },
);

/** An identity configuration. */
export type Identity = Infer<typeof identitySchema>;
