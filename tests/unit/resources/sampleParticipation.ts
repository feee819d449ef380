/**
 * The Gremien & Beteiligung part of the sample register (DOMAIN.md §1, §3, §7): the Vollversammlung with
 * its members and two sessions (one held with minutes and recommendations, one invited), the three
 * Arbeitsgruppen and a Bezirksvertretung as bodies, two Quartierslabore with Anregungen in every state,
 * one feedback contact with recorded consent, and tracked council decisions (one overdue).
 * All names of persons are invented. Written once into resources/sample-register.json by
 * writeSampleParticipation.ts (in format 5; writeSampleV6.ts lifted it to format 6, took the record of the
 * held session and dropped its "Genehmigung der Niederschrift"); the test checks the result against the rules.
 */
import type { Body } from '@shared/participation/body';
import type { FeedbackContact, Lab, Proposal } from '@shared/participation/labs';
import type { AgendaItem, BodyMember, Meeting, RecommendationRecord } from '@shared/participation/participation';
import type { RegisterDocument } from '@shared/register/register';
import type { TrackedDecision } from '@shared/participation/tracking';
import { de } from '@shared/i18n/de';

const AT = '2026-11-02T09:00:00.000Z';
const VV = 'gremium-vollversammlung';
const stamp = { version: 1, createdAt: AT, updatedAt: AT };

const EXTRA_BODIES: Body[] = [
  { id: 'gremium-ag-nachbarschaft', name: 'Arbeitsgruppe Sichere Nachbarschaft', shortName: 'AG 1', kind: 'beteiligung', active: true },
  { id: 'gremium-ag-raeume', name: 'Arbeitsgruppe Sichere öffentliche Räume', shortName: 'AG 2', kind: 'beteiligung', active: true },
  { id: 'gremium-ag-infrastruktur', name: 'Arbeitsgruppe Sichere Infrastruktur', shortName: 'AG 3', kind: 'beteiligung', active: true },
  { id: 'gremium-bv-hoe', name: 'Bezirksvertretung Hörde', shortName: 'BV Hö', kind: 'bezirksvertretung', active: true },
];

function member(n: number, bodyId: string, organisation: string, role: BodyMember['role'], delegate: string, deputy: string, orgUnitId: string | null = null, termEnd = '2030-10-31'): BodyMember {
  return { id: `mitglied-${String(n).padStart(2, '0')}`, bodyId, organisation, orgUnitId, delegate, deputy, role, termStart: termEnd < '2025-11-01' ? '2020-11-01' : '2025-11-01', termEnd, note: '', anonymisedAt: null, ...stamp };
}

const MEMBERS: BodyMember[] = [
  member(1, VV, 'Stadt Dortmund – Dezernat für Recht, Ordnung und Bürgerdienste', 'vorsitz', 'Dr. Beispiel, Marion', 'Muster, Jens', 'ou-3-dez'),
  member(2, VV, 'Kommunale Kriminalprävention / Sicherheitskoordination', 'geschaeftsfuehrung', 'Probst, Sabine', 'Lindner, Kai', 'ou-sicherheitskoordination'),
  member(3, VV, 'CDU-Fraktion im Rat', 'mitglied', 'Hartmann, Peter', 'Wolters, Ines'),
  member(4, VV, 'SPD-Fraktion im Rat', 'mitglied', 'Yilmaz, Deniz', 'Kowalski, Anna'),
  member(5, VV, 'Fraktion Bündnis 90/Die Grünen im Rat', 'mitglied', 'Schreiber, Lena', 'Berger, Tom'),
  member(6, VV, 'Polizeipräsidium Dortmund', 'mitglied', 'Krüger, Frank', 'Engel, Miriam', 'ou-polizei'),
  member(7, VV, 'Handelsverband NRW Westfalen-Münsterland', 'mitglied', 'Vogt, Claudia', '', 'ou-handelsverband'),
  member(8, VV, 'Arbeitsgemeinschaft der Wohlfahrtsverbände', 'mitglied', 'Nowak, Stefan', 'Brandt, Eva', 'ou-agw'),
  member(9, VV, 'Cityring Dortmund', 'mitglied', 'Albers, Ralf', '', 'ou-cityring'),
  member(10, VV, 'EDG Entsorgung Dortmund GmbH', 'beratend', 'Schulte, Heike', '', 'ou-edg'),
  member(11, VV, 'Seniorenbeirat', 'beratend', 'Winter, Gerd', 'Hahn, Ursula'),
  // Term ended in 2024: the names are due for anonymisation (Datenschutz view).
  member(12, VV, 'Jugendring Dortmund', 'beratend', 'Fischer, Lukas', 'Roth, Selin', null, '2024-10-31'),
  member(13, 'gremium-lenkungskreis', 'Dezernat für Recht, Ordnung und Bürgerdienste', 'vorsitz', 'Dr. Beispiel, Marion', '', 'ou-3-dez'),
  member(14, 'gremium-lenkungskreis', 'Ordnungsamt (FB 32)', 'mitglied', 'Kaiser, Holger', 'Seidel, Nora', 'ou-fb32'),
  member(15, 'gremium-lenkungskreis', 'Stadtplanungs- und Bauordnungsamt (FB 61)', 'mitglied', 'Möller, Julia', '', 'ou-stadtplanung'),
];

function item(id: string, number: string, title: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id, number, title, kind: 'sache', isPublic: true, description: '', measureIds: [], submissionIds: [], recommendationIds: [], minutes: '', result: '', ...extra };
}

function standardItems(prefix: string, minutes: boolean): AgendaItem[] {
  const results = ['Herr Hartmann (CDU-Fraktion) wird benannt.', 'Die Vorsitzende weist auf das Mitwirkungsverbot hin.', 'Die Tagesordnung wird festgestellt.', 'Entfällt (erste Sitzung).'];
  return de.participation.standardAgenda.map((title, i) => item(`${prefix}-top-${i + 1}`, String(i + 1), title, { kind: 'standard', result: minutes ? results[i]! : '' }));
}

const MEETINGS: Meeting[] = [
  {
    id: 'sitzung-vollv-1',
    bodyId: VV,
    number: '1. Sitzung',
    date: '2025-11-13',
    startTime: '16:00',
    endTime: '18:30',
    place: 'Rathaus Dortmund, Saal Westfalia, Friedensplatz 1',
    state: 'abgeschlossen',
    chair: { title: 'Dr.', given: 'Marion', family: 'Beispiel' },
    recorder: { title: '', given: 'Sabine', family: 'Probst' },
    coSigners: [],
    invitationText: 'zur konstituierenden Sitzung der Vollversammlung Masterplan Kommunale Sicherheit lade ich Sie herzlich ein.',
    attendance: {
      members: 11,
      guests: 6,
      organisations: ['CDU-Fraktion im Rat', 'SPD-Fraktion im Rat', 'Fraktion Bündnis 90/Die Grünen im Rat', 'Polizeipräsidium Dortmund', 'Handelsverband NRW Westfalen-Münsterland', 'Arbeitsgemeinschaft der Wohlfahrtsverbände', 'Cityring Dortmund', 'Seniorenbeirat'],
    },
    agenda: [
      ...standardItems('s1', true),
      item('s1-top-5', '5', 'Geschäftsordnung der Vollversammlung', {
        minutes: 'Die Geschäftsstelle erläutert den Entwurf. Die Vollversammlung berät zwei Änderungen zur Beteiligung der Bezirksvertretungen.',
        result: 'Die Geschäftsordnung wird mit den Änderungen einstimmig beschlossen.',
      }),
      item('s1-top-6', '6', 'Handlungsfelder des Masterplans 2.0', {
        description: 'Vorstellung der Entwurfsfassung der Handlungsfelder und Aussprache.',
        measureIds: ['m-hf2-03', 'm-hf2-04', 'm-hf2-05'],
        submissionIds: ['8b3a3c68-9e75-432b-a7eb-053935b00c11'],
        recommendationIds: ['empfehlung-2025-01', 'empfehlung-2025-02'],
        minutes: 'Die Verwaltung stellt die drei Handlungsfelder vor. Aus der Runde wird angeregt, die Sauberkeit im Umfeld des Nordmarkts und die Beleuchtung von Wegen stärker zu gewichten.',
        result: 'Die Vollversammlung beschließt zwei Empfehlungen (E-2025-01, E-2025-02).',
      }),
      item('s1-top-7', '7', 'Quartierslabore 2026 – Auswahl der Quartiere', {
        recommendationIds: ['empfehlung-2025-03'],
        minutes: 'Vorgeschlagen werden die Nordstadt (Nordmarkt) und Hörde (Phoenix-See).',
        result: 'Empfehlung E-2025-03 an die Verwaltung.',
      }),
      item('s1-top-8', '8', 'Personalangelegenheiten der Geschäftsstelle', { isPublic: false, minutes: 'Die Geschäftsstelle berichtet.', result: 'Zur Kenntnis genommen.' }),
    ],
    deletedAt: null,
    minutesRecord: null,
    ...stamp,
  },
  {
    id: 'sitzung-vollv-2',
    bodyId: VV,
    number: '2. Sitzung',
    date: '2026-12-10',
    startTime: '16:00',
    endTime: null,
    place: 'Rathaus Dortmund, Saal Westfalia, Friedensplatz 1',
    state: 'eingeladen',
    chair: { title: 'Dr.', given: 'Marion', family: 'Beispiel' },
    recorder: { title: '', given: 'Sabine', family: 'Probst' },
    coSigners: [],
    invitationText: 'zur zweiten Sitzung der Vollversammlung Masterplan Kommunale Sicherheit lade ich Sie herzlich ein.',
    attendance: { members: null, guests: null, organisations: [] },
    agenda: [
      ...standardItems('s2', false),
      item('s2-top-5', '5', 'Ergebnisse der Quartierslabore Nordstadt und Hörde', {
        description: 'Bericht der Geschäftsstelle über die Anregungen und ihren Stand.',
        measureIds: ['m-hf2-04', 'm-hf3-08'],
      }),
      item('s2-top-6', '6', 'Beschlussverfolgung – Sachstand 2. Halbjahr 2026', { submissionIds: [] }),
      item('s2-top-7', '7', 'Sachstandsbericht Masterplan Kommunale Sicherheit', { submissionIds: ['7fe9ee8b-5423-4fad-85fa-5519626431bd'] }),
    ],
    deletedAt: null,
    minutesRecord: null,
    ...stamp,
  },
];

function recommendation(n: number, title: string, addressee: RecommendationRecord['addressee'], text: string, extra: Partial<RecommendationRecord>): RecommendationRecord {
  return {
    id: `empfehlung-2025-0${n}`,
    number: `E-2025-0${n}`,
    bodyId: VV,
    meetingId: 'sitzung-vollv-1',
    agendaItemId: n === 3 ? 's1-top-7' : 's1-top-6',
    date: '2025-11-13',
    addressee,
    addresseeBodyId: null,
    title,
    text,
    state: 'offen',
    handling: '',
    submissionId: null,
    measureIds: [],
    deletedAt: null,
    ...stamp,
    ...extra,
  };
}

const RECOMMENDATIONS: RecommendationRecord[] = [
  recommendation(1, 'Sauberkeit im Umfeld des Nordmarkts', 'ausschuss', 'Die Vollversammlung empfiehlt dem Ausschuss für Bürgerdienste, die Reinigungsoffensive auf das Umfeld des Nordmarkts auszuweiten.', {
    addresseeBodyId: 'gremium-aboeab',
    state: 'umgesetzt',
    handling: 'In die Fortschreibung aufgenommen (HF2-05); der Ausschuss hat am 20.01.2026 zugestimmt.',
    submissionId: '8b3a3c68-9e75-432b-a7eb-053935b00c11',
    measureIds: ['m-hf2-05'],
  }),
  recommendation(2, 'Beleuchtung von Wegeverbindungen priorisieren', 'verwaltung', 'Die Vollversammlung empfiehlt der Verwaltung, bei der Beleuchtung von Unterführungen und Wegen die Hinweise aus den Quartierslaboren vorrangig zu berücksichtigen.', {
    state: 'in_bearbeitung',
    handling: 'Das Tiefbauamt prüft eine Prioritätenliste.',
    measureIds: ['m-hf3-03', 'm-hf3-08'],
  }),
  recommendation(3, 'Quartierslabore Nordstadt und Hörde', 'verwaltung', 'Die Vollversammlung empfiehlt, 2026 Quartierslabore in der Nordstadt (Nordmarkt) und in Hörde (Phoenix-See) durchzuführen.', {
    state: 'umgesetzt',
    handling: 'Beide Quartierslabore haben im Frühjahr 2026 stattgefunden.',
  }),
];

const LABS: Lab[] = [
  {
    id: 'labor-nordmarkt',
    name: 'Quartierslabor Nordstadt – Nordmarkt',
    district: 'IN',
    quarter: 'Nordmarkt',
    format: 'Zufallsauswahl aus dem Melderegister, Werkstatt mit Stadtteilspaziergang',
    topics: ['Sauberkeit', 'Trinkerszene', 'Beleuchtung', 'Nachbarschaft'],
    description: 'Zwei Termine im Frühjahr 2026 mit zufällig eingeladenen Bewohnerinnen und Bewohnern.',
    sessions: [
      { id: 'labor-nordmarkt-1', date: '2026-03-07', place: 'Stadtteilzentrum Nordstadt', invitedCount: 1000, attendingCount: 46, note: 'Auftakt und Stadtteilspaziergang' },
      { id: 'labor-nordmarkt-2', date: '2026-04-18', place: 'Stadtteilzentrum Nordstadt', invitedCount: 1000, attendingCount: 38, note: 'Werkstatt zu den Anregungen' },
    ],
    deletedAt: null,
    ...stamp,
  },
  {
    id: 'labor-phoenix',
    name: 'Quartierslabor Hörde – Phoenix-See',
    district: 'HÖ',
    quarter: 'Phoenix-See',
    format: 'Zufallsauswahl, Abendwerkstatt',
    topics: ['Wegeverbindungen', 'Beleuchtung', 'Jugendliche am See'],
    description: '',
    sessions: [{ id: 'labor-phoenix-1', date: '2026-05-09', place: 'Bezirksverwaltungsstelle Hörde', invitedCount: 1000, attendingCount: 52, note: '' }],
    deletedAt: null,
    ...stamp,
  },
];

function proposal(n: number, fields: Partial<Proposal> & Pick<Proposal, 'text' | 'category' | 'state'>): Proposal {
  return {
    id: `anregung-2026-${String(n).padStart(3, '0')}`,
    number: `A-2026-${String(n).padStart(3, '0')}`,
    source: 'quartierslabor',
    labId: 'labor-nordmarkt',
    meetingId: null,
    receivedOn: '2026-03-07',
    district: 'IN',
    area: 'Umfeld Nordmarkt',
    assignedOrgUnitId: 'ou-fb32',
    stateReason: '',
    measureId: null,
    feedbackText: '',
    feedbackOn: null,
    stateChangedAt: AT,
    deletedAt: null,
    anonymisedAt: null,
    ...stamp,
    ...fields,
  };
}

const PROPOSALS: Proposal[] = [
  proposal(1, { text: 'Mehr Mülleimer und häufigere Leerung rund um den Nordmarkt, vor allem am Wochenende.', category: 'Sauberkeit', state: 'uebernommen', measureId: 'm-hf2-05', assignedOrgUnitId: 'ou-edg', feedbackText: 'Ihre Anregung ist in die Reinigungsoffensive mit der EDG eingeflossen.', feedbackOn: '2026-06-15' }),
  proposal(2, { text: 'Die Beleuchtung im Durchgang zur Mallinckrodtstraße ist abends zu dunkel.', category: 'Beleuchtung', state: 'in_pruefung', area: 'Durchgang Nordmarkt – Mallinckrodtstraße', assignedOrgUnitId: 'ou-tiefbau' }),
  proposal(3, { text: 'Ein fester Ansprechpartner des Ordnungsdienstes für den Markt an Markttagen.', category: 'Präsenz von Ordnungsdienst und Polizei', state: 'uebernommen', measureId: 'm-hf2-03', receivedOn: '2026-04-18', feedbackText: 'Die Präsenzstreifen sind an Markttagen verstärkt worden.', feedbackOn: '2026-09-01' }),
  proposal(4, { text: 'Alkoholverbot auf dem gesamten Nordmarkt.', category: 'Sucht und Drogen', state: 'abgelehnt', stateReason: 'Ein flächendeckendes Verbot ist rechtlich nicht tragfähig; stattdessen wird die aufsuchende Sozialarbeit ausgebaut (HF2-04).', receivedOn: '2026-04-18', feedbackText: 'Wir haben Ihre Anregung geprüft; die Begründung finden Sie im Protokoll.', feedbackOn: '2026-07-10' }),
  proposal(5, { text: 'Sitzbänke am Spielplatz sollen erneuert werden.', category: 'Nachbarschaft', state: 'erledigt', assignedOrgUnitId: 'ou-gruen', feedbackText: 'Die Bänke wurden im Mai ausgetauscht.', feedbackOn: '2026-05-30' }),
  proposal(6, { text: 'Regelmäßiges Nachbarschaftsfrühstück im Stadtteilzentrum, um sich kennenzulernen.', category: 'Nachbarschaft', state: 'eingegangen', receivedOn: '2026-04-18', assignedOrgUnitId: null }),
  proposal(7, { labId: 'labor-phoenix', district: 'HÖ', area: 'Weg Phoenix-West – Hörder Zentrum', receivedOn: '2026-05-09', text: 'Der Fußweg zwischen Phoenix-West und dem Hörder Zentrum braucht Licht und bessere Sichtachsen.', category: 'Beleuchtung', state: 'uebernommen', measureId: 'm-hf3-08', assignedOrgUnitId: 'ou-stadtplanung' }),
  proposal(8, { labId: 'labor-phoenix', district: 'HÖ', area: 'Seepromenade', receivedOn: '2026-05-09', text: 'Jugendliche am See abends ansprechen statt vertreiben – ein mobiles Angebot der Jugendarbeit.', category: 'Jugend', state: 'in_pruefung', assignedOrgUnitId: 'ou-jugendamt' }),
  proposal(9, { source: 'eingabe', labId: null, district: 'EV', area: 'Stadtbahnhaltestelle Eving Markt', receivedOn: '2026-08-20', text: 'Eingabe nach § 24 GO NRW: Videobeobachtung an der Haltestelle Eving Markt.', category: 'Verkehr', state: 'eingegangen', assignedOrgUnitId: 'ou-dsw21' }),
  proposal(10, { source: 'vollversammlung', labId: null, meetingId: 'sitzung-vollv-1', district: null, area: '', receivedOn: '2025-11-13', text: 'Die Bezirksvertretungen sollen die Ergebnisse der Quartierslabore vorgestellt bekommen.', category: 'Sonstiges', state: 'erledigt', assignedOrgUnitId: 'ou-sicherheitskoordination' }),
];

/** Consent recorded on the feedback form; the Anregung has no Rückmeldung yet, so it is not due. */
const CONTACTS: FeedbackContact[] = [
  { id: 'kontakt-01', proposalId: 'anregung-2026-002', name: 'Erika Beispiel', channel: 'email', value: 'erika.beispiel@example.org', consentGiven: true, consentOn: '2026-03-07', consentNote: 'schriftlich auf dem Rückmeldebogen des Quartierslabors', createdAt: AT, updatedAt: AT },
];

function decision(n: number, fields: Omit<TrackedDecision, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'measureIds' | 'decisionText' | 'responsibleOrgUnitId'> & Partial<TrackedDecision>): TrackedDecision {
  return { id: `beschluss-${String(n).padStart(2, '0')}`, measureIds: [], decisionText: '', responsibleOrgUnitId: 'ou-sicherheitskoordination', deletedAt: null, ...stamp, ...fields };
}

const DECISIONS: TrackedDecision[] = [
  decision(1, {
    printNumber: '12534-18', bodyId: 'gremium-rat', decidedOn: '2019-02-14', kind: 'beschluss', requestingGroup: 'Verwaltung', subject: 'Masterplan Kommunale Sicherheit – Abschlussbericht zur Fassung 2019',
    decisionText: 'Der Rat beauftragt die Verwaltung, nach der Evaluation einen Abschlussbericht über die Projekte und Maßnahmen vorzulegen.', dueDate: '2026-06-30',
    state: 'in_bearbeitung', stateText: 'Der Abschlussbericht wird zusammen mit dem Sachstandsbericht erstellt.', lastUpdateOn: '2026-04-02',
  }),
  decision(2, {
    printNumber: '26093-22', bodyId: 'gremium-rat', decidedOn: '2022-12-15', kind: 'beschluss', requestingGroup: 'Verwaltung', subject: 'Fortschreibung Masterplan 2.0 „Sicherheit – Gemeinsam – Gestalten“',
    decisionText: 'Der Rat beschließt die Fortschreibung und beauftragt die Verwaltung mit der Umsetzung.', dueDate: null, responsibleOrgUnitId: 'ou-3-dez', measureIds: ['m-hf3-01'],
    state: 'in_bearbeitung', stateText: 'Umsetzung läuft; Sachstand siehe Sachstandsbericht.', lastUpdateOn: '2026-09-15',
  }),
  decision(3, {
    printNumber: '31877-24', bodyId: 'gremium-rat', decidedOn: '2024-05-16', kind: 'antrag', requestingGroup: 'CDU, SPD, Bündnis 90/Die Grünen', subject: 'Vollversammlung und stadtweite Quartierslabore einrichten',
    decisionText: 'Die Verwaltung richtet eine Vollversammlung ein und führt stadtweit Quartierslabore durch.', dueDate: '2025-12-31',
    state: 'erledigt', stateText: 'Die Vollversammlung hat sich am 13.11.2025 konstituiert; zwei Quartierslabore 2026 durchgeführt.', lastUpdateOn: '2026-05-20',
  }),
  decision(4, {
    printNumber: '33410-25', bodyId: 'gremium-aboeab', decidedOn: '2025-03-11', kind: 'pruefauftrag', requestingGroup: 'SPD', subject: 'Prüfauftrag: Ausweitung der Präsenzstreifen auf die Abendstunden',
    decisionText: 'Die Verwaltung prüft, ob die Präsenzstreifen des KOD auf die Abendstunden ausgeweitet werden können.', dueDate: '2025-09-30', responsibleOrgUnitId: 'ou-fb32', measureIds: ['m-hf2-03'],
    state: 'offen', stateText: 'Personalbedarf wird ermittelt.', lastUpdateOn: '2025-06-02',
  }),
  decision(5, {
    printNumber: '34102-25', bodyId: 'gremium-rat', decidedOn: '2025-10-09', kind: 'anfrage', requestingGroup: 'Bündnis 90/Die Grünen', subject: 'Anfrage: Stand der Beleuchtung von Unterführungen',
    dueDate: '2027-03-31', responsibleOrgUnitId: 'ou-tiefbau', measureIds: ['m-hf3-03'],
    state: 'in_bearbeitung', stateText: 'Bestandsaufnahme abgeschlossen, Prioritätenliste in Arbeit.', lastUpdateOn: '2026-10-01',
  }),
];

export function addParticipation(doc: RegisterDocument): RegisterDocument {
  if (doc.meetings.length > 0 || doc.bodyMembers.length > 0) throw new Error('Die Beispieldaten enthalten Gremien & Beteiligung bereits.');
  return {
    ...doc,
    bodies: [...doc.bodies, ...EXTRA_BODIES],
    bodyMembers: MEMBERS,
    meetings: MEETINGS,
    recommendations: RECOMMENDATIONS,
    labs: LABS,
    proposals: PROPOSALS,
    contacts: CONTACTS,
    trackedDecisions: DECISIONS,
  };
}
