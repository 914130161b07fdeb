import { fold } from '../model/caseFile';
import type { ContactPerson, Partner } from '../model/partner';
import type { Theme } from '../model/themes';

/**
 * Search over the sociale kaart: a partner is found by its name, its themes, its address (municipality, postal
 * code, street) and its contact persons. Accents and case do not count; every typed word must be found somewhere,
 * as part of a word, because Dutch glues words together ("schuld" is in "Schuldhulpverlening").
 *
 * Built once per list of partners, so a keystroke costs a few `includes` per partner: a few thousand partners
 * stay well under a frame. No library: plain substrings over a few hundred characters per partner need no index.
 */

/** Every label a person may type for a theme: the one on screen and the Dutch one (the team's working language). */
export type ThemeLabels = (theme: Theme) => readonly string[];

export interface PartnerHit {
  partner: Partner;
  /** The contact person a typed word was found in: the list shows it, or the hit would look unexplained. */
  contact?: ContactPerson;
}

/**
 * The typed words, folded like the fields. (textIndex has the same split; not imported from there, because a
 * module shared with the cards search would become one more chunk for the first screen to list.)
 */
function typedWords(query: string): string[] {
  return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A word in the name outweighs one in a theme, which outweighs the address or a contact person. */
const NAME = 8;
const THEME = 4;
const PLACE = 2;
const CONTACT = 1;

export function partnerSearch(partners: readonly Partner[], themeLabels: ThemeLabels): (query: string) => PartnerHit[] {
  const indexed = partners.map((partner, order) => {
    const b = partner.body;
    return {
      partner,
      order,
      name: fold(b.name),
      // The theme's code counts too: it is a Dutch word ("jeugd") that the label may not contain.
      themes: fold(partner.themes.flatMap((theme) => [theme, ...themeLabels(theme)]).join('\n')),
      place: fold([b.street, b.postalCode, b.city].join('\n')),
      contacts: b.contacts.map((c) => fold(`${c.name}\n${c.role}`)),
    };
  });
  return (query) => {
    const terms = [...new Set(typedWords(query))];
    if (terms.length === 0) return partners.map((partner) => ({ partner }));
    const hits: Array<{ partner: Partner; contact: ContactPerson | undefined; order: number; score: number }> = [];
    for (const doc of indexed) {
      let score = 0;
      let contact: ContactPerson | undefined;
      for (const term of terms) {
        const weight = doc.name.includes(term) ? NAME : doc.themes.includes(term) ? THEME : doc.place.includes(term) ? PLACE : 0;
        if (weight > 0) {
          score += weight;
          continue;
        }
        const at = doc.contacts.findIndex((c) => c.includes(term));
        if (at < 0) {
          score = 0; // one typed word found nowhere: not a hit
          break;
        }
        score += CONTACT;
        contact ??= doc.partner.body.contacts[at];
      }
      if (score > 0) hits.push({ partner: doc.partner, contact, order: doc.order, score });
    }
    // Equal scores keep the order the partners came in (alphabetical, from the directory).
    return hits.sort((a, b) => b.score - a.score || a.order - b.order).map(({ partner, contact }) => (contact ? { partner, contact } : { partner }));
  };
}
