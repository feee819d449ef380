import type { registerContract } from '@shared/register/registerContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { BulkStatusService } from './bulkStatus';
import { MeasureService } from './measures';
import { ReferenceService } from './reference';
import { StatusService } from './statuses';

/** Measures, their history and the reference lists (Handlungsfelder, Organisationseinheiten, Gremien, Status). */
export function registerHandlers({ session }: HandlerContext): Handlers<typeof registerContract> {
  const measures = new MeasureService(session);
  const reference = new ReferenceService(session);
  const statuses = new StatusService(session);
  const bulkStatus = new BulkStatusService(session);
  return {
    getReference: () => reference.get(),
    listMeasureRows: () => measures.listRows(),
    searchMeasures: ({ query }) => session.requireOpen().search.search(query),
    getMeasureRows: ({ ids }) => measures.rowsOf(ids),
    getMeasure: ({ id }) => measures.get(id),
    createMeasure: ({ fields }) => measures.create(fields),
    updateMeasure: ({ id, version, fields }) => measures.update(id, version, fields),
    changeMeasureStatuses: (request) => bulkStatus.change(request),
    deleteMeasure: ({ id, version }) => measures.remove(id, version),
    restoreMeasure: ({ id, version }) => measures.restore(id, version),
    getHistory: ({ entityId, offset, limit }) => measures.history(entityId, offset, limit),
    saveActionField: ({ id, fields }) => reference.saveActionField(id, fields),
    deleteActionField: ({ id }) => reference.deleteActionField(id),
    saveOrgUnit: ({ id, fields }) => reference.saveOrgUnit(id, fields),
    deleteOrgUnit: ({ id }) => reference.deleteOrgUnit(id),
    saveBody: ({ id, fields }) => reference.saveBody(id, fields),
    deleteBody: ({ id }) => reference.deleteBody(id),
    saveStatus: ({ key, fields }) => statuses.save(key, fields),
    deleteStatus: ({ key }) => statuses.remove(key),
    moveStatus: ({ key, direction }) => statuses.move(key, direction),
  };
}
