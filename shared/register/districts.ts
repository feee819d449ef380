import { z } from 'zod';

/** The 12 Stadtbezirke of Dortmund; each has a Bezirksvertretung. Fixed by law, so not user data. */
export const DISTRICTS = [
  { code: 'IW', name: 'Innenstadt-West' },
  { code: 'IN', name: 'Innenstadt-Nord' },
  { code: 'IO', name: 'Innenstadt-Ost' },
  { code: 'EV', name: 'Eving' },
  { code: 'SH', name: 'Scharnhorst' },
  { code: 'BR', name: 'Brackel' },
  { code: 'AP', name: 'Aplerbeck' },
  { code: 'HÖ', name: 'Hörde' },
  { code: 'HO', name: 'Hombruch' },
  { code: 'LÜ', name: 'Lütgendortmund' },
  { code: 'HU', name: 'Huckarde' },
  { code: 'ME', name: 'Mengede' },
] as const;

export type DistrictCode = (typeof DISTRICTS)[number]['code'];

const codes = DISTRICTS.map((d) => d.code) as [DistrictCode, ...DistrictCode[]];
export const districtCode = z.enum(codes);

const byCode = new Map<string, string>(DISTRICTS.map((d) => [d.code, d.name]));
export function districtName(code: string): string {
  return byCode.get(code) ?? code;
}

export function districtCodeByName(name: string): DistrictCode | undefined {
  const wanted = name.trim().toLowerCase();
  return DISTRICTS.find((d) => d.name.toLowerCase() === wanted)?.code;
}
