/**
 * The forms a contact detail may take, checked by a form before it saves. Lenient about how people group digits
 * (spaces, dots, slashes, dashes, brackets), strict about what a phone or mail program can use. An empty value is
 * for the caller to allow or refuse. Deliberately not part of the row schemas: rows stored before these checks,
 * or written by another device, still load and sync.
 */

/** Belgian numbers without their 0 or +32: a mobile (4 and 8 digits) or any fixed line (8 digits). */
const BELGIAN_SIGNIFICANT = /^(4[5-9]\d{7}|[1-9]\d{7})$/;
/** Another country's number after + or 00: country code and number, at most 15 digits in all (E.164). */
const INTERNATIONAL = /^[1-9]\d{6,14}$/;
/** Belgian short numbers a partner list needs: 100, 112, 106 (Tele-Onthaal), 1712, 116000 (Child Focus) … */
const SHORT_NUMBER = /^(1\d{2,3}|116\d{3})$/;

export function isPhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  if (!/^\+?[\d\s./()-]+$/.test(trimmed)) return false;
  const compact = trimmed.replace(/[\s./-]/g, '');
  const international = /^(\+|00)/.exec(compact);
  if (international) {
    // "+32 (0)470 …": the trunk 0 in brackets after the country code is a common, harmless way of writing it.
    const number = compact.slice(international[0].length).replace(/^(\d{1,3})\(0\)/, '$1').replace(/[()]/g, '');
    return number.startsWith('32') ? BELGIAN_SIGNIFICANT.test(number.slice(2)) : INTERNATIONAL.test(number);
  }
  const digits = compact.replace(/[()]/g, '');
  if (digits.startsWith('0')) return BELGIAN_SIGNIFICANT.test(digits.slice(1));
  return SHORT_NUMBER.test(digits);
}

/** name@domain.tld: one @, no spaces, a domain with a dot and a top-level part of letters. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.\d]{2,}$/u.test(text.trim());
}

/** A Belgian postal code: four digits, 1000 to 9999. */
export function isBelgianPostalCode(text: string): boolean {
  return /^[1-9]\d{3}$/.test(text.trim());
}
