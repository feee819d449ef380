import { randomUUID } from 'node:crypto';
import type { RegisterReference, Saved } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { diffFields } from '@shared/audit/audit';
import type { Body } from '@shared/participation/body';
import type { ActionField } from '@shared/editions/edition';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import type { RegisterDocument } from '@shared/register/register';
import { bodyUseCount } from '@shared/participation/participationRules';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import { replaceAt } from './measures';
import { actionFieldRefusal, orgUnitRefusal } from '@shared/register/referenceUsage';
import type { RegisterSession } from '@main/session/session';

type FieldInput = Omit<ActionField, 'id'>;
type BodyInput = Omit<Body, 'id'>;
type UnitInput = Omit<OrgUnit, 'id'>;

const FIELD_KEYS = ['editionId', 'code', 'name', 'description', 'guidingGoal'] as const;
const UNIT_KEYS = ['code', 'name', 'kind', 'validFrom', 'validTo'] as const;
const BODY_KEYS = ['name', 'shortName', 'kind', 'active'] as const;

/** Handlungsfelder and Organisationseinheiten: the lists measures refer to. */
export class ReferenceService {
  constructor(private readonly session: RegisterSession) {}

  get(): RegisterReference {
    const doc = this.session.requireOpen().store.doc;
    return {
      editions: doc.editions,
      currentEditionId: doc.currentEditionId,
      actionFields: doc.actionFields,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      bodies: doc.bodies,
    };
  }

  async saveActionField(id: string | null, fields: FieldInput): Promise<Saved<ActionField>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      if (!doc.editions.some((e) => e.id === fields.editionId))
        throw new ServiceError('VALIDATION', de.api.validation, [{ field: 'editionId', message: de.api.notFound }]);
      const clash = doc.actionFields.find(
        (f) => f.id !== id && f.editionId === fields.editionId && f.code.toLowerCase() === fields.code.toLowerCase(),
      );
      if (clash)
        throw new ServiceError('VALIDATION', de.api.validation, [{ field: 'code', message: de.validation.numberTaken(fields.code) }]);
      return upsert(doc, 'actionFields', 'actionField', id, fields, FIELD_KEYS, (f) => `${f.code} ${f.name}`, this.session.userName);
    });
    return { value: result, savedAt };
  }

  async deleteActionField(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const field = doc.actionFields.find((f) => f.id === id);
      if (!field) throw new ServiceError('NOT_FOUND', de.api.notFound);
      // Measures in the Papierkorb count too: restoring them must not leave a dangling Handlungsfeld.
      const refusal = actionFieldRefusal(doc.measures, id);
      if (refusal) throw new ServiceError('IN_USE', refusal);
      const inFortschreibung =
        doc.fortschreibungen.some((r) => r.fieldMappings.some((m) => m.fromFieldId === id || m.toFieldIds.includes(id))) ||
        doc.fortschreibungDrafts.some((d) => d.fieldMappings.some((m) => m.fromFieldId === id));
      if (inFortschreibung) throw new ServiceError('IN_USE', de.editions.problems.fieldInFortschreibung);
      const entry = auditEntry(this.session.userName, 'actionField', id, `${field.code} ${field.name}`, 'delete', []);
      return { doc: { ...doc, actionFields: doc.actionFields.filter((f) => f.id !== id), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  async saveOrgUnit(id: string | null, fields: UnitInput): Promise<Saved<OrgUnit>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      if (fields.validFrom && fields.validTo && fields.validTo < fields.validFrom)
        throw new ServiceError('VALIDATION', de.api.validation, [{ field: 'validTo', message: de.validation.endBeforeStart }]);
      return upsert(doc, 'orgUnits', 'orgUnit', id, fields, UNIT_KEYS, orgUnitLabel, this.session.userName);
    });
    return { value: result, savedAt };
  }

  async deleteOrgUnit(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const unit = doc.orgUnits.find((u) => u.id === id);
      if (!unit) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const refusal = orgUnitRefusal(doc.measures, id);
      if (refusal) throw new ServiceError('IN_USE', refusal);
      const entry = auditEntry(this.session.userName, 'orgUnit', id, orgUnitLabel(unit), 'delete', []);
      return { doc: { ...doc, orgUnits: doc.orgUnits.filter((u) => u.id !== id), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  async saveBody(id: string | null, fields: BodyInput): Promise<Saved<Body>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) =>
      upsert(doc, 'bodies', 'body', id, fields, BODY_KEYS, (b) => b.name, this.session.userName),
    );
    return { value: result, savedAt };
  }

  /** A body in use (Beratungsfolge, members, sessions, recommendations, tracked decisions) cannot be deleted: set it inactive. */
  async deleteBody(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const body = doc.bodies.find((b) => b.id === id);
      if (!body) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const users = bodyUseCount(doc, id);
      if (users > 0) throw new ServiceError('IN_USE', de.participation.errors.bodyInUse(users));
      const entry = auditEntry(this.session.userName, 'body', id, body.name, 'delete', []);
      return { doc: { ...doc, bodies: doc.bodies.filter((b) => b.id !== id), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }
}

/** Create (id null) or update one entry of a reference list, with an audit entry of the changed fields. */
function upsert<K extends 'actionFields' | 'orgUnits' | 'bodies', T extends RegisterDocument[K][number]>(
  doc: RegisterDocument,
  list: K,
  entityType: 'actionField' | 'orgUnit' | 'body',
  id: string | null,
  fields: Omit<T, 'id'>,
  keys: readonly string[],
  describe: (item: T) => string,
  user: string,
): { doc: RegisterDocument; result: T } {
  const items = doc[list] as unknown as T[];
  const index = id === null ? -1 : items.findIndex((item) => item.id === id);
  if (id !== null && index < 0) throw new ServiceError('NOT_FOUND', de.api.notFound);
  const before = index >= 0 ? (items[index] as T) : null;
  const item = { ...fields, id: id ?? randomUUID() } as T;
  const changes = diffFields((before ?? {}) as Record<string, unknown>, item as Record<string, unknown>, keys);
  if (before && changes.length === 0) return { doc, result: before };
  const entry = auditEntry(user, entityType, item.id, describe(item), before ? 'update' : 'create', changes);
  const nextItems = before ? replaceAt(items, index, item) : [...items, item];
  return { doc: { ...doc, [list]: nextItems, audit: [...doc.audit, entry] }, result: item };
}
