/** `queue_settings:` (newer SDKs): job tier and priority. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** Queue settings. */
export const queueSettingsSchema = s.object({
  job_tier: s.enum(['spot', 'basic', 'standard', 'premium', 'null']).optional(),
  priority: s.enum(['low', 'medium', 'high']).optional(),
});

/** Queue settings. */
export type QueueSettings = Infer<typeof queueSettingsSchema>;
