import type { editionsContract } from '@shared/editions/editionsContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { EditionService } from './editions';

/** Fassungen, the Fortschreibung wizard and the comparison of two Fassungen. */
export function editionsHandlers({ session, desktop }: HandlerContext): Handlers<typeof editionsContract> {
  const editions = new EditionService(session, desktop);
  return {
    listEditions: () => editions.list(),
    setCurrentEdition: ({ id }) => editions.setCurrent(id),
    decideEdition: ({ id, printNumber, decidedOn }) => editions.decide(id, printNumber, decidedOn),
    deleteEdition: ({ id }) => editions.remove(id),
    compareEditions: ({ fromId, toId }) => editions.compare(fromId, toId),
    exportEditionComparison: ({ fromId, toId, format, open }) => editions.export(fromId, toId, format, open),
    getMeasureLineage: ({ id }) => editions.lineage(id),
    listFortschreibungDrafts: () => editions.drafts(),
    getFortschreibungDraft: ({ id }) => editions.draft(id),
    startFortschreibung: ({ fromEditionId }) => editions.startDraft(fromEditionId),
    saveFortschreibungDraft: ({ id, version, fields }) => editions.saveDraft(id, version, fields),
    discardFortschreibungDraft: ({ id }) => editions.discardDraft(id),
    checkFortschreibung: ({ fields }) => editions.check(fields),
    applyFortschreibung: ({ id, version }) => editions.applyDraft(id, version),
  };
}
