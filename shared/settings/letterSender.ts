import { z } from 'zod';
import { singleLineText } from '@shared/core/primitives';
import { letterSenderTexts } from './settingsTexts';

const v = letterSenderTexts.validation;
const required = (max: number) => singleLineText(max).refine((s) => s.trim() !== '', { message: v.required });

/**
 * The sender of every letter the app writes (Einladung, Rückmeldung): letterhead, Rücksendeangabe and
 * Informationsblock after DIN 5008. Per computer, like the logo: each clerk signs and is reached with
 * their own name, telephone and e-mail; the office's postal address is typed once.
 */
export const letterSenderSchema = z.strictObject({
  /** "Stadt Dortmund". */
  organisation: required(80),
  /** "Ordnungsamt". */
  office: required(80),
  /** "Koordinierungsstelle Kommunale Sicherheit" (optional second line of the letterhead). */
  unit: singleLineText(100),
  /** "Friedensplatz 1" or "Postfach 10 50 53". */
  street: required(60),
  postalCode: required(5).refine((s) => /^\d{5}$/.test(s.trim()), { message: v.postalCode }),
  town: required(50),
  /** Ansprechpartner/in, in natural order ("Marion Beispiel"); also the name under "Im Auftrag". */
  contactName: singleLineText(80),
  phone: singleLineText(40).refine((s) => s.trim() === '' || /^\+?[0-9 ()/-]{3,40}$/.test(s.trim()), { message: v.phone }),
  email: singleLineText(120).refine((s) => s.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim()), { message: v.email }),
  /** Zeichen of the office ("32/KKS"), printed in the Informationsblock. */
  reference: singleLineText(40),
  /** True while the values are the shipped example: the Einstellungen say so until the clerk saves their own. */
  example: z.boolean(),
});
export type LetterSender = z.infer<typeof letterSenderSchema>;

/**
 * Example values (marked `example: true`): Dortmund's city hall address and central telephone number; no
 * person, no e-mail address. The Einstellungen show them as example data until the clerk saves their own.
 */
export const EXAMPLE_LETTER_SENDER: LetterSender = {
  organisation: 'Stadt Dortmund',
  office: 'Ordnungsamt',
  unit: 'Koordinierungsstelle Kommunale Sicherheit',
  street: 'Friedensplatz 1',
  postalCode: '44135',
  town: 'Dortmund',
  contactName: '',
  phone: '0231 50-0',
  email: '',
  reference: '',
  example: true,
};

/** The Rücksendeangabe: "Stadt Dortmund · Ordnungsamt · Friedensplatz 1 · 44135 Dortmund". */
export function returnAddress(sender: LetterSender): string {
  return [sender.organisation, sender.office, sender.street, `${sender.postalCode} ${sender.town}`]
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' · ');
}
