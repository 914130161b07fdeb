import * as v from 'valibot';
import { LIFE_DOMAINS } from './themes';
import type { Row } from './rows';
import { day, dayOrEmpty, longText, shortText } from './validation';

const time = v.union([v.literal(''), v.pipe(v.string(), v.isoTime())]);

/** The Flemish home-visit structure: context, hulpvraag, observaties, afspraken, opvolging, signalen, administratief. */
export const VisitNoteBodySchema = v.object({
  context: v.object({
    date: day,
    startTime: time,
    endTime: time,
    place: shortText,
    announced: v.picklist(['', 'announced', 'unannounced']),
    visitType: v.picklist(['', 'first', 'followUp', 'yearly']),
    present: longText,
    interpreter: v.boolean(),
    reason: longText,
  }),
  hulpvraag: v.object({
    ownWords: longText,
    askedBy: v.picklist(['', 'client', 'family', 'referrer']),
    domains: v.object(Object.fromEntries(LIFE_DOMAINS.map((d) => [d, longText])) as Record<
      (typeof LIFE_DOMAINS)[number],
      typeof longText
    >),
  }),
  observaties: v.object({ facts: longText, interpretation: longText, strengths: longText }),
  afspraken: v.pipe(
    v.array(v.object({ who: shortText, what: longText, due: dayOrEmpty })),
    v.maxLength(50),
  ),
  opvolging: v.object({
    nextContactDate: dayOrEmpty,
    nextContactType: v.picklist(['', 'homeVisit', 'office', 'phone']),
    referrals: v.pipe(
      v.array(v.object({ partnerId: shortText, partnerName: shortText, reason: longText })),
      v.maxLength(20),
    ),
    documents: longText,
  }),
  signalen: v.object({
    rightsNotUsed: longText,
    safety: longText,
    structural: longText,
  }),
  administratief: v.object({ author: shortText, role: shortText, shareable: longText }),
});
export type VisitNoteBody = v.InferOutput<typeof VisitNoteBodySchema>;

export interface VisitNote extends Row<VisitNoteBody> {
  caseId: string;
  /** The visit day (YYYY-MM-DD); indexed with caseId for the timeline. */
  date: string;
}

export function emptyVisitNote(date: string): VisitNoteBody {
  return {
    context: {
      date,
      startTime: '',
      endTime: '',
      place: '',
      announced: '',
      visitType: '',
      present: '',
      interpreter: false,
      reason: '',
    },
    hulpvraag: {
      ownWords: '',
      askedBy: '',
      domains: { inkomen: '', wonen: '', gezondheid: '', gezin: '', werk: '', administratie: '' },
    },
    observaties: { facts: '', interpretation: '', strengths: '' },
    afspraken: [],
    opvolging: { nextContactDate: '', nextContactType: '', referrals: [], documents: '' },
    signalen: { rightsNotUsed: '', safety: '', structural: '' },
    administratief: { author: '', role: '', shareable: '' },
  };
}

/** A note says something only when a field beyond the visit date holds text (or an interpreter was there). */
export function noteHasContent(body: VisitNoteBody): boolean {
  const { date: _visitDay, interpreter, ...context } = body.context;
  return interpreter || hasText({ ...body, context });
}

function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasText);
  if (value && typeof value === 'object') return Object.values(value).some(hasText);
  return false;
}

/** Which signal kinds a note raises: counted anonymously for the regie level, never with the person. */
export function signalKinds(body: VisitNoteBody): Array<'rightsNotUsed' | 'safety' | 'structural'> {
  return (['rightsNotUsed', 'safety', 'structural'] as const).filter((k) => body.signalen[k].trim() !== '');
}
