/**
 * The OParl 1.1 export of a submission: required fields and types of Paper, Consultation, File and
 * Organization (as in the OParl/spec JSON schemas), resolvable references, extension fields.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSubmissionOparl,
  DOCX_MIME,
  mimeTypeOf,
  OPARL,
  oparlBaseUrl,
  richTextToPlain,
  type SubmissionOparlInput,
} from '@main/submissions/submissionOparl';
import { exportViolations } from './oparlSchema';
import {
  fullSubmission,
  GENERATED_AT,
  inputFor,
  junkSubmission,
  minimalSubmission,
  sampleRegister,
  templateSubmission,
} from './submissionFixtures';
import type { RegisterDocument } from '@shared/register/register';
import type { Submission } from '@shared/submissions/submission';

const SHA = 'f'.repeat(64);
const SHA512 = 'e'.repeat(128);
const BASE = 'https://ratsinfo.example.de/oparl/masterplan';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function oparlInput(register: RegisterDocument, submission: Submission): SubmissionOparlInput {
  return {
    ...inputFor(register, submission),
    registerId: register.registerId,
    baseUrl: `${BASE}/`,
    registerCreatedAt: register.createdAt,
    mainFile: { fileName: 'DS_12534-18-E1_Vorlage.docx', size: 12_345, sha512: SHA512, sha256: SHA },
  };
}

describe('OParl Paper', () => {
  it('has the required fields and types of a Paper with consultations, files and organisations', () => {
    const { register, submission } = fullSubmission();
    const out = buildSubmissionOparl(oparlInput(register, submission));
    // Survives JSON unchanged (no undefined, no functions, no Dates).
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    const paper = out.paper;
    expect(paper.id).toBe('https://ratsinfo.example.de/oparl/masterplan/paper/vorlage-voll');
    expect(paper.type).toBe('https://schema.oparl.org/1.1/Paper');
    expect(paper.name).toBe(submission.subject);
    expect(paper.reference).toBe('12534-18-E1');
    expect(paper.date).toBe('2025-02-20');
    expect(paper.paperType).toBe('Beschlussvorlage');
    expect(paper.created).toMatch(ISO_DATE_TIME);
    expect(paper.modified).toMatch(ISO_DATE_TIME);

    const orgIds = new Set(out.organizations.map((o) => o.id));
    expect(paper.underDirectionOf).toEqual(['https://ratsinfo.example.de/oparl/masterplan/organization/orgUnit/ou-fb32']);
    expect(paper.originatorOrganization).toEqual(['https://ratsinfo.example.de/oparl/masterplan/organization/orgUnit/ou-3-dez']);
    // Every reference resolves to an organisation in the list, each listed once.
    const referenced = [
      ...paper.underDirectionOf,
      ...paper.originatorOrganization,
      ...paper.consultation.flatMap((c) => c.organization),
      ...paper['dortmund:involvedOrganization'],
      ...paper['dortmund:cosignatures'].map((c) => c.organization).filter((o): o is string => o !== null),
      ...paper['dortmund:linkedMeasures'].map((m) => m.underDirectionOf).filter((o): o is string => o !== null),
    ];
    for (const ref of referenced) expect(orgIds.has(ref), ref).toBe(true);
    expect(orgIds.size).toBe(out.organizations.length);

    expect(paper.consultation).toHaveLength(4);
    for (const c of paper.consultation) {
      expect(c.type).toBe('https://schema.oparl.org/1.1/Consultation');
      expect(c.paper).toBe(paper.id);
      expect(Array.isArray(c.organization)).toBe(true);
      expect(c.organization).toHaveLength(1);
      expect(typeof c.role).toBe('string');
      expect(typeof c.authoritative).toBe('boolean');
    }
    expect(paper.consultation.map((c) => [c.role, c.authoritative])).toEqual([
      ['Empfehlung', false],
      ['Empfehlung', false],
      ['Empfehlung', false],
      ['Beschluss', true],
    ]);
    expect(paper.consultation[1]!['dortmund:resultLabel']).toBe('geändert beschlossen');
    expect(paper.consultation[3]!['dortmund:sessionDate']).toBeNull();

    expect(paper.mainFile).toMatchObject({
      type: OPARL.file,
      fileName: 'DS_12534-18-E1_Vorlage.docx',
      name: 'Vorlage 12534-18-E1',
      mimeType: DOCX_MIME,
      size: 12_345,
      accessUrl: `${BASE}/DS_12534-18-E1_Vorlage.docx`,
      downloadUrl: `${BASE}/DS_12534-18-E1_Vorlage.docx`,
      sha512Checksum: SHA512,
      'dortmund:sha256Checksum': SHA,
    });
    expect(paper.auxiliaryFile).toHaveLength(2);
    expect(paper.auxiliaryFile[0]).toMatchObject({
      type: OPARL.file,
      name: 'Masterplan, Fassung 2025',
      fileName: 'Masterplan_2025.pdf',
      mimeType: 'application/pdf',
      size: 2_345_678,
      'dortmund:sha256Checksum': 'a'.repeat(64),
    });
    for (const file of [paper.mainFile, ...paper.auxiliaryFile]) {
      expect(typeof file.id).toBe('string');
      expect(file.accessUrl.startsWith(`${BASE}/`)).toBe(true);
      expect(file.date).toMatch(ISO_DATE);
      expect(file.modified).not.toBe(GENERATED_AT.toISOString());
    }

    for (const org of out.organizations) {
      expect(org.type).toBe('https://schema.oparl.org/1.1/Organization');
      expect(org.name.length).toBeGreaterThan(0);
      expect(typeof org.organizationType).toBe('string');
    }
    const rat = out.organizations.find((o) => o.id.endsWith('/body/gremium-rat'))!;
    expect(rat).toMatchObject({ name: 'Rat der Stadt', shortName: 'Rat', organizationType: 'Gremium', classification: 'Parlament' });
    const fb32 = out.organizations.find((o) => o.id.endsWith('/orgUnit/ou-fb32'))!;
    expect(fb32).toMatchObject({ name: 'Ordnungsamt (FB 32)', shortName: 'FB 32', organizationType: 'Verwaltungsbereich' });
  });

  it('carries what OParl has no field for in dortmund: extensions', () => {
    const { register, submission } = fullSubmission();
    const paper = buildSubmissionOparl(oparlInput(register, submission)).paper;
    expect(paper['dortmund:status']).toBe('mitzeichnung');
    expect(paper['dortmund:statusLabel']).toBe('in Mitzeichnung');
    expect(paper['dortmund:public']).toBe(false);
    expect(paper['dortmund:resolutions']).toEqual([
      {
        organization: 'https://ratsinfo.example.de/oparl/masterplan/organization/body/gremium-aboeab',
        text: submission.resolutions[0]!.text,
      },
      { organization: 'https://ratsinfo.example.de/oparl/masterplan/organization/body/gremium-rat', text: submission.resolutions[1]!.text },
    ]);
    expect(paper['dortmund:statementText']).toContain('1 Ausgangslage\n\nDer Rat hat den Masterplan am 14.02.2019 einstimmig beschlossen');
    expect(paper['dortmund:statementText']).toContain('1.1.1 Zuständigkeiten\n\n- Ordnungsamt (FB 32)');
    expect(paper['dortmund:finances']).toEqual({
      hasImpact: true,
      rows: [
        { year: 2025, investiveCents: 25_000_000, consumptiveCents: null },
        { year: 2026, investiveCents: 12_000_000, consumptiveCents: 4_550_000 },
      ],
      totalCents: 41_550_000,
      coverage: 'Deckung ist gegeben.\nDie Mittel sind im Haushaltsplan 2025 veranschlagt.',
    });
    expect(paper['dortmund:climate']).toEqual({ impact: 'negativ', label: 'negativ', reason: submission.climateReason });
    expect(paper['dortmund:cosignatures'][1]).toMatchObject({
      person: 'Herr Krause',
      vote: 'mit_aenderungen',
      voteLabel: 'einverstanden mit Änderungen',
      date: null,
    });
    expect(paper['dortmund:linkedMeasures']).toHaveLength(200);
    expect(paper['dortmund:linkedMeasures'][0]).toMatchObject({
      id: 'https://ratsinfo.example.de/oparl/masterplan/measure/m-001',
      number: 'HF1-001',
      statusLabel: 'vorgeschlagen',
      plannedCents: null,
    });
    expect(paper['dortmund:linkedMeasures'][1]!.plannedCents).toBe(1_012_345);
    expect(paper['dortmund:extraSections']).toEqual([
      {
        title: 'Auswirkungen auf die Gleichstellung',
        text: '1 Prüfung\n\nDie Maßnahme wirkt sich positiv auf das Sicherheitsgefühl von Frauen aus.',
      },
    ]);
    for (const key of Object.keys(paper)) expect(key).toMatch(/^(dortmund:[a-zA-Z]+|[a-z][a-zA-Z]*)$/);
  });

  it('leaves out what is not set; no dangling references for bodies or offices no longer in the lists', () => {
    const register = sampleRegister();
    const minimal = buildSubmissionOparl(oparlInput(register, minimalSubmission()));
    expect(minimal.paper).not.toHaveProperty('reference');
    expect(minimal.paper).not.toHaveProperty('date');
    expect(minimal.paper.name).toBe('Vorlage ohne Betreff');
    expect(minimal.paper.underDirectionOf).toEqual([]);
    expect(minimal.paper.consultation).toEqual([]);
    expect(minimal.paper.auxiliaryFile).toEqual([]);
    expect(minimal.organizations).toEqual([]);
    expect(minimal.paper.mainFile.name).toBe('Vorlage (Entwurf)');

    const submission = templateSubmission('fortschreibung', register);
    submission.leadOrgUnitId = 'ou-gibt-es-nicht';
    submission.consultations[0]!.bodyId = 'gremium-gibt-es-nicht';
    submission.baseSubmissionId = 'vorlage-basis';
    const out = buildSubmissionOparl(oparlInput(register, submission));
    expect(out.paper.underDirectionOf).toEqual([]);
    expect(out.paper.consultation[0]!.organization).toEqual([]);
    expect(out.paper.superordinatedPaper).toEqual(['https://ratsinfo.example.de/oparl/masterplan/paper/vorlage-basis']);
    expect(out['dortmund:generatedAt']).toBe(GENERATED_AT.toISOString());
  });

  it('cleans control characters and keeps ids URL-safe', () => {
    const register = sampleRegister();
    const json = JSON.stringify(buildSubmissionOparl({ ...oparlInput(register, { ...junkSubmission(), id: 'vorlage junk' }) }));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]|[\u0000-\u001F\u00AD\u200B\uFEFF]/);
    expect(json).toContain(`${BASE}/paper/vorlage%20junk`);
  });

  it('guesses MIME types from file names and prints rich text as plain text', () => {
    expect(mimeTypeOf('a.PDF')).toBe('application/pdf');
    expect(mimeTypeOf('Tabelle.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mimeTypeOf('ohne-endung')).toBe('application/octet-stream');
    expect(
      richTextToPlain([
        { type: 'heading', level: 2, text: 'Teil' },
        { type: 'numberedList', items: [[{ text: 'eins', bold: false, italic: false }], [{ text: 'zwei', bold: true, italic: false }]] },
        {
          type: 'table',
          rows: [
            ['a', 'b'],
            ['1', '2'],
          ],
        },
      ]),
    ).toBe('1.1 Teil\n\n1. eins\n2. zwei\n\na | b\n1 | 2');
  });
});

describe('OParl 1.1 schemas (OParl/spec)', () => {
  const everyObject = (out: ReturnType<typeof buildSubmissionOparl>) => [
    out.paper,
    out.paper.mainFile,
    ...out.paper.auxiliaryFile,
    ...out.paper.consultation,
    ...out.organizations,
  ];

  type Case = () => { register: RegisterDocument; submission: Submission };
  const cases: [string, Case][] = [
    ['full', () => fullSubmission()],
    ['minimal', () => ({ register: sampleRegister(), submission: minimalSubmission() })],
    ['junk', () => ({ register: sampleRegister(), submission: junkSubmission() })],
    ...(['sachstandsbericht', 'fortschreibung', 'evaluationsbericht'] as const).map((id): [string, Case] => [
      id,
      () => {
        const register = sampleRegister();
        return { register, submission: templateSubmission(id, register) };
      },
    ]),
  ];
  it.each(cases)('%s: valid, absolute URLs, created/modified on every object', (_name, make) => {
    const { register, submission } = make();
    const out = buildSubmissionOparl(oparlInput(register, submission));
    expect(exportViolations(JSON.parse(JSON.stringify(out)) as typeof out)).toEqual([]);
    expect(out.paper.body).toBe(`${BASE}/body`);
    for (const object of everyObject(out)) {
      expect(object.id.startsWith(`${BASE}/`)).toBe(true);
      expect(object.created).toMatch(ISO_DATE_TIME);
      expect(object.modified).toMatch(ISO_DATE_TIME);
    }
  });

  it('the validator catches what was wrong before: URNs, relative accessUrl, date-time as File.date', () => {
    const { register, submission } = fullSubmission();
    const out = JSON.parse(JSON.stringify(buildSubmissionOparl(oparlInput(register, submission)))) as ReturnType<
      typeof buildSubmissionOparl
    >;
    out.paper.id = 'urn:masterplan:x:paper:1';
    out.paper.mainFile.accessUrl = 'Vorlage.docx';
    out.paper.mainFile.date = '2025-03-04T10:00:00.000Z';
    const violations = exportViolations(out);
    expect(violations).toContain('Paper.json/id must match format "url"');
    expect(violations).toContain('Paper.json/mainFile/accessUrl must match format "url"');
    expect(violations).toContain('Paper.json/mainFile/date must match format "date"');
  });

  it('refuses a base address that is not an absolute http(s) URL', () => {
    const { register, submission } = fullSubmission();
    for (const bad of ['ratsinfo.de/oparl', 'ftp://x.de', 'https://x.de/?a=1', ''])
      expect(() => buildSubmissionOparl({ ...oparlInput(register, submission), baseUrl: bad })).toThrow('keine OParl-Basisadresse');
    expect(oparlBaseUrl('https://x.de/oparl/')).toBe('https://x.de/oparl');
  });
});
