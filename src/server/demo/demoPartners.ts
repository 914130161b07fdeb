import type { Partner, PartnerBody } from '../../model/partner';
import type { Theme } from '../../model/themes';

/** Fictitious partners of the fictitious municipality Voorbeeldstad. Numbers and addresses are made up. */
const PARTNERS: Array<{ themes: Theme[]; body: Omit<PartnerBody, 'contacts'>; contacts: Array<[string, string, string]> }> = [
  {
    themes: ['onthaal', 'inkomen', 'wonen', 'administratie'],
    body: {
      name: 'Sociaal Huis Voorbeeldstad',
      street: 'Marktplein 1',
      postalCode: '9999',
      city: 'Voorbeeldstad',
      phone: '+32 9 000 10 00',
      email: 'onthaal@voorbeeldstad.example',
      website: 'https://voorbeeldstad.example/sociaalhuis',
      openingHours: 'ma–vr 9–12 u\ndo ook 14–19 u (zonder afspraak)',
      notes: 'Fictieve partner voor de demo.',
    },
    contacts: [['An Voorbeeld', 'Onthaalmedewerker', '+32 9 000 10 01']],
  },
  {
    themes: ['psychisch', 'gezin', 'wonen', 'onthaal'],
    body: {
      name: 'CAW Voorbeeldregio (fictief)',
      street: 'Stationsstraat 12',
      postalCode: '9999',
      city: 'Voorbeeldstad',
      phone: '+32 9 000 20 00',
      email: 'info@caw-voorbeeldregio.example',
      website: 'https://caw-voorbeeldregio.example',
      openingHours: 'ma, wo, vr 9–16 u',
      notes: 'Fictieve partner voor de demo.',
    },
    contacts: [['Bram Demo', 'Maatschappelijk werker', '+32 9 000 20 01']],
  },
  {
    themes: ['gezin', 'jeugd'],
    body: {
      name: 'Huis van het Kind Voorbeeldstad',
      street: 'Schoolstraat 5',
      postalCode: '9999',
      city: 'Voorbeeldstad',
      phone: '+32 9 000 30 00',
      email: 'huisvanhetkind@voorbeeldstad.example',
      website: '',
      openingHours: 'di en do 13–17 u',
      notes: 'Fictieve partner voor de demo.',
    },
    contacts: [],
  },
  {
    themes: ['gezondheid', 'inkomen', 'administratie'],
    body: {
      name: 'Ziekenfonds Voorbeeld – kantoor Voorbeeldstad',
      street: 'Kerkstraat 20',
      postalCode: '9999',
      city: 'Voorbeeldstad',
      phone: '+32 9 000 40 00',
      email: '',
      website: 'https://ziekenfonds.example',
      openingHours: 'ma–vr 9–12 u',
      notes: 'Fictieve partner voor de demo. Helpt bij verhoogde tegemoetkoming.',
    },
    contacts: [['Chris Proef', 'Sociaal assistent', '+32 9 000 40 01']],
  },
  {
    themes: ['schulden', 'inkomen'],
    body: {
      name: 'Dienst Schuldbemiddeling Voorbeeldstad',
      street: 'Marktplein 1',
      postalCode: '9999',
      city: 'Voorbeeldstad',
      phone: '+32 9 000 50 00',
      email: 'schulden@voorbeeldstad.example',
      website: '',
      openingHours: 'op afspraak',
      notes: 'Fictieve partner voor de demo.',
    },
    contacts: [],
  },
  {
    themes: ['senioren', 'netwerk', 'vrijeTijd'],
    body: {
      name: 'Buurtcentrum De Linde (fictief)',
      street: 'Lindeplein 3',
      postalCode: '9998',
      city: 'Voorbeelddorp',
      phone: '+32 9 000 60 00',
      email: '',
      website: '',
      openingHours: 'ma–za 10–17 u',
      notes: 'Fictieve partner voor de demo. Vrijwilligers, buurtrestaurant op woensdag.',
    },
    contacts: [['Dana Test', 'Buurtwerker', '+32 9 000 60 01']],
  },
];

export function demoPartners(orgId: string, stamp: { createdAt: string; updatedAt: string }): Partner[] {
  return PARTNERS.map((p, i) => ({
    id: `demo-partner-${i + 1}`,
    scopeId: orgId,
    themes: p.themes,
    createdAt: stamp.createdAt,
    updatedAt: stamp.updatedAt,
    version: 0,
    body: {
      ...p.body,
      contacts: p.contacts.map(([name, role, phone], j) => ({ id: `demo-contact-${i + 1}-${j + 1}`, name, role, phone, email: '' })),
    },
  }));
}
