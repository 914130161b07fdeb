import * as v from 'valibot';
import type { Row } from './rows';
import { THEMES, type Theme } from './themes';
import { fold } from './caseFile';
import { longText, requiredShort, shortText } from './validation';

const emailOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.email(), v.maxLength(200))]);
const urlOrEmpty = v.union([
  v.literal(''),
  v.pipe(v.string(), v.trim(), v.url(), v.regex(/^https?:\/\//), v.maxLength(500)),
]);
const phoneOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(/^\+?[\d\s./()-]{6,25}$/))]);

export const ContactPersonSchema = v.object({
  id: shortText,
  name: requiredShort,
  role: shortText,
  phone: phoneOrEmpty,
  email: emailOrEmpty,
});
export type ContactPerson = v.InferOutput<typeof ContactPersonSchema>;

export const PartnerBodySchema = v.object({
  name: requiredShort,
  street: shortText,
  postalCode: shortText,
  city: shortText,
  phone: phoneOrEmpty,
  email: emailOrEmpty,
  website: urlOrEmpty,
  openingHours: longText,
  notes: longText,
  contacts: v.pipe(v.array(ContactPersonSchema), v.maxLength(50)),
});
export type PartnerBody = v.InferOutput<typeof PartnerBodySchema>;

export const PartnerInputSchema = v.object({
  themes: v.pipe(v.array(v.picklist(THEMES)), v.maxLength(THEMES.length)),
  body: PartnerBodySchema,
});
export type PartnerInput = v.InferOutput<typeof PartnerInputSchema>;

export interface Partner extends Row<PartnerBody> {
  themes: Theme[];
}

export function emptyPartnerBody(): PartnerBody {
  return {
    name: '',
    street: '',
    postalCode: '',
    city: '',
    phone: '',
    email: '',
    website: '',
    openingHours: '',
    notes: '',
    contacts: [],
  };
}

export function partnerMatches(p: Partner, query: string, theme: string): boolean {
  if (theme && !(p.themes as string[]).includes(theme)) return false;
  const q = fold(query.trim());
  if (!q) return true;
  const hay = fold([p.body.name, p.body.city, ...p.body.contacts.map((c) => c.name)].join(' '));
  return hay.includes(q);
}

/** A `tel:` link keeps only what a dialler understands. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A map link by address only: no coordinates or API keys needed, opens in the device's map app or browser. */
export function mapHref(b: Pick<PartnerBody, 'street' | 'postalCode' | 'city'>): string {
  const address = [b.street, `${b.postalCode} ${b.city}`.trim(), 'België'].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
