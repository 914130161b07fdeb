import { CHECK_STATES, INSTRUMENT_KINDS, type Answer, type CheckState, type InstrumentKind } from './instrumentRun';

/**
 * What each working instrument asks. A run stores one answer per item id (see instrumentRun.ts); the labels live in
 * the locales under `instruments.items.<itemId>` and `instruments.sections.<sectionId>`, so item ids are unique
 * across all instruments and never renamed once shipped (a renamed id orphans the answers already stored under it).
 */
export type ItemInput =
  /** a short answer on one line */
  | 'text'
  /** a few sentences */
  | 'longText'
  /** a checklist state, one of CHECK_STATES */
  | 'check'
  /** one theme of src/model/themes.ts */
  | 'theme';

export interface InstrumentItem {
  id: string;
  input: ItemInput;
  /** Also ask 'on what do we base this?', stored under basisKey(id): an evaluation answer needs its evidence. */
  basis?: true;
}

/** Where the evidence for an item's answer is stored; never a question id itself (ids do not end in 'Basis'). */
export const basisKey = (id: string): string => `${id}Basis`;

export interface InstrumentSection {
  id: string;
  items: readonly InstrumentItem[];
}

/** What the run screen draws besides the questions: partners in a power–interest grid, or a client's ecogram. */
export type InstrumentLayout = 'questions' | 'grid' | 'ecogram';

export interface InstrumentDefinition {
  kind: InstrumentKind;
  /** The reference card (content/cards/<lang>/<card>.json) that explains the instrument. */
  card: string;
  layout: InstrumentLayout;
  sections: readonly InstrumentSection[];
}

const text = (id: string): InstrumentItem => ({ id, input: 'text' });
const long = (id: string): InstrumentItem => ({ id, input: 'longText' });
const check = (id: string): InstrumentItem => ({ id, input: 'check' });
/** A checklist item of an evaluation, with a field for what the answer rests on. */
const judged = (id: string): InstrumentItem => ({ id, input: 'check', basis: true });
const section = (id: string, ...items: InstrumentItem[]): InstrumentSection => ({ id, items });

/** In the order of INSTRUMENT_KINDS. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  {
    kind: 'gelaagde-realiteit',
    card: 'gelaagde-realiteit',
    layout: 'questions',
    sections: [
      section('lrSubject', { id: 'lrTheme', input: 'theme' }, text('lrQuestion')),
      section('lrCitizens', check('lrCitizensNeeds'), check('lrCitizensCritics'), long('lrCitizensNotes')),
      section('lrGovernments', check('lrGovernmentsPartners'), check('lrGovernmentsLead'), long('lrGovernmentsNotes')),
      section('lrHigher', check('lrHigherRules'), check('lrHigherMeans'), check('lrHigherChoices'), long('lrHigherNotes')),
      section('lrPartners', check('lrPartnersPresent'), check('lrPartnersMissing'), check('lrPartnersRelations'), long('lrPartnersNotes')),
      section('lrPolitics', check('lrPoliticsMandate'), check('lrPoliticsRoom'), long('lrPoliticsNotes')),
      section('lrConclusion', long('lrApproach'), long('lrNextStep')),
    ],
  },
  {
    kind: 'machts-belangenmatrix',
    card: 'machts-belangenmatrix',
    layout: 'grid',
    sections: [
      section('pmSubject', text('pmTopic'), text('pmMadeBy')),
      section('pmReflection', long('pmAttitudes'), long('pmMissing'), long('pmMoves'), text('pmReview')),
    ],
  },
  {
    kind: 'netwerk-startvragen',
    card: 'netwerk-opstarten',
    layout: 'questions',
    sections: [
      section('nsPurpose', long('nsKind'), long('nsForWhom'), long('nsTogether'), long('nsSigns')),
      section('nsPeople', long('nsMembers'), long('nsGovernance'), long('nsDecisions')),
      section('nsReview', long('nsEvaluation'), long('nsNextSteps')),
    ],
  },
  {
    kind: 'samenwerkingsovereenkomst',
    card: 'samenwerkingsovereenkomst',
    layout: 'questions',
    sections: [
      section('saParties', text('saPartners'), text('saStart')),
      section('saContent', check('saGoal'), check('saContribution')),
      section('saOrganisation', check('saRoles'), check('saDecisions'), check('saFinances'), check('saConflicts'), check('saCommunication')),
      section('saCourse', check('saEvaluation'), check('saJoinLeave'), check('saPersonalData'), check('saDataRoles')),
      section('saOpen', long('saOpenPoints')),
    ],
  },
  {
    kind: 'netwerk-evaluatie',
    card: 'netwerk-evalueren',
    layout: 'questions',
    sections: [
      section(
        'neCommunity',
        judged('neProblemDecreases'),
        judged('neClientsBetter'),
        judged('neSocialTies'),
        judged('nePublicView'),
        long('neEndUsers'),
        long('neCommunityNotes'),
      ),
      section(
        'neNetwork',
        judged('neRightMembers'),
        judged('neRange'),
        judged('neNoDoubleWork'),
        judged('neRelations'),
        judged('neAlignment'),
        judged('neCommitment'),
        judged('neCost'),
        long('neNetworkNotes'),
      ),
      section(
        'neOrganisation',
        text('neOrganisationName'),
        judged('neCredibility'),
        judged('neResources'),
        judged('neAccess'),
        judged('neOwnClients'),
        judged('neFewClashes'),
        long('neOrganisationNotes'),
      ),
      section('neConclusion', long('neLevelsClash'), long('neActions')),
    ],
  },
  {
    kind: 'ecogram',
    card: 'ecogram',
    layout: 'ecogram',
    sections: [
      section('ecConversation', text('ecPresent'), check('ecMadeTogether'), check('ecConsent')),
      section('ecReading', long('ecStrengths'), long('ecGaps'), long('ecWishes'), long('ecAgreements')),
    ],
  },
];

export function isInstrumentKind(value: string): value is InstrumentKind {
  return (INSTRUMENT_KINDS as readonly string[]).includes(value);
}

export function instrumentDefinition(kind: InstrumentKind): InstrumentDefinition {
  const found = INSTRUMENTS.find((d) => d.kind === kind);
  if (!found) throw new Error(`No definition for instrument ${kind}`);
  return found;
}

export function itemsOf(definition: InstrumentDefinition): InstrumentItem[] {
  return definition.sections.flatMap((s) => s.items);
}

export function isCheckState(value: string): value is CheckState {
  return (CHECK_STATES as readonly string[]).includes(value);
}

/** An item's answer as text: '' when unanswered, or when the stored value is of another shape. */
export function answerText(answer: Answer | undefined): string {
  return typeof answer === 'string' ? answer : '';
}

/** How many of the instrument's questions have an answer (entries such as grid partners are not counted). */
export function answeredCount(definition: InstrumentDefinition, body: Readonly<Record<string, Answer | undefined>>): number {
  return itemsOf(definition).filter((item) => answerText(body[item.id]).trim() !== '').length;
}
