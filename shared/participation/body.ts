import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { id, requiredLine, singleLineText } from '@shared/core/primitives';

/**
 * Gremien: council, committees, Bezirksvertretungen, Verwaltungsvorstand, Lenkungskreis, Vollversammlung,
 * Arbeitsgruppen. Names change after elections, so this is an editable list, shared by the Beratungsfolge
 * of submissions and (later) sessions.
 */
export const BODY_KINDS = ['rat', 'ausschuss', 'bezirksvertretung', 'verwaltung', 'beteiligung', 'sonstige'] as const;

export const bodySchema = z.strictObject({
  id,
  name: requiredLine(200, de.validation.nameRequired),
  shortName: singleLineText(40),
  kind: z.enum(BODY_KINDS),
  active: z.boolean(),
});
export type Body = z.infer<typeof bodySchema>;

export const DEFAULT_BODIES: Body[] = [
  { id: 'gremium-vv', name: 'Verwaltungsvorstand', shortName: 'VV', kind: 'verwaltung', active: true },
  {
    id: 'gremium-aboeab',
    name: 'Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden',
    shortName: 'ABÖAB',
    kind: 'ausschuss',
    active: true,
  },
  {
    id: 'gremium-afbl',
    name: 'Ausschuss für Finanzen, Beteiligungen und Liegenschaften',
    shortName: 'AFBL',
    kind: 'ausschuss',
    active: true,
  },
  { id: 'gremium-hauptausschuss', name: 'Hauptausschuss und Ältestenrat', shortName: 'HA', kind: 'ausschuss', active: true },
  { id: 'gremium-rat', name: 'Rat der Stadt', shortName: 'Rat', kind: 'rat', active: true },
  { id: 'gremium-bv-iw', name: 'Bezirksvertretung Innenstadt-West', shortName: 'BV IW', kind: 'bezirksvertretung', active: true },
  { id: 'gremium-bv-in', name: 'Bezirksvertretung Innenstadt-Nord', shortName: 'BV IN', kind: 'bezirksvertretung', active: true },
  { id: 'gremium-bv-io', name: 'Bezirksvertretung Innenstadt-Ost', shortName: 'BV IO', kind: 'bezirksvertretung', active: true },
  { id: 'gremium-lenkungskreis', name: 'Lenkungskreis Masterplan Kommunale Sicherheit', shortName: 'LK', kind: 'verwaltung', active: true },
  {
    id: 'gremium-vollversammlung',
    name: 'Vollversammlung Masterplan Kommunale Sicherheit',
    shortName: 'VollV',
    kind: 'beteiligung',
    active: true,
  },
];

/**
 * Offered in new registers besides DEFAULT_BODIES (older registers keep the list they have): the three
 * Arbeitsgruppen of the masterplan and the other nine Bezirksvertretungen.
 */
export const MORE_BODIES: Body[] = [
  { id: 'gremium-ag-nachbarschaft', name: 'Arbeitsgruppe Sichere Nachbarschaft', shortName: 'AG 1', kind: 'beteiligung', active: true },
  { id: 'gremium-ag-raeume', name: 'Arbeitsgruppe Sichere öffentliche Räume', shortName: 'AG 2', kind: 'beteiligung', active: true },
  { id: 'gremium-ag-infrastruktur', name: 'Arbeitsgruppe Sichere Infrastruktur', shortName: 'AG 3', kind: 'beteiligung', active: true },
  ...[
    ['ev', 'Eving'],
    ['sh', 'Scharnhorst'],
    ['br', 'Brackel'],
    ['ap', 'Aplerbeck'],
    ['hoe', 'Hörde'],
    ['ho', 'Hombruch'],
    ['lue', 'Lütgendortmund'],
    ['hu', 'Huckarde'],
    ['me', 'Mengede'],
  ].map(([code, name]) => ({
    id: `gremium-bv-${code}`,
    name: `Bezirksvertretung ${name}`,
    shortName: `BV ${name}`,
    kind: 'bezirksvertretung' as const,
    active: true,
  })),
];
