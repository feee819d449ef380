import { z } from 'zod';
import { actionFieldSchema, editionSchema } from './edition';
import { auditEntrySchema } from './audit';
import { bodySchema } from './body';
import { submissionRevisionSchema, submissionSchema } from './submission';
import { measureSchema } from './measure';
import { orgUnitSchema } from './orgUnit';
import { id, isoDateTime, requiredLine } from './primitives';
import { statusDefinitionSchema } from './status';
import { de } from '../i18n/de';

/** Version of the stored document. Raise it together with a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 3;

export const registerDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  registerId: id,
  name: requiredLine(200, de.validation.nameRequired),
  /** True for the built-in sample register; the UI labels it "Beispieldaten". */
  isSample: z.boolean(),
  createdAt: isoDateTime,
  editions: z.array(editionSchema).min(1),
  currentEditionId: id,
  actionFields: z.array(actionFieldSchema),
  orgUnits: z.array(orgUnitSchema),
  statuses: z.array(statusDefinitionSchema).min(1),
  measures: z.array(measureSchema),
  /** Gremien, shared by the Beratungsfolge of submissions and sessions. */
  bodies: z.array(bodySchema),
  submissions: z.array(submissionSchema),
  submissionRevisions: z.array(submissionRevisionSchema),
  audit: z.array(auditEntrySchema),
});
export type RegisterDocument = z.infer<typeof registerDocumentSchema>;
