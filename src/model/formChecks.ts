import { CaseBodySchema, type CaseBody } from './caseFile';
import { isBelgianPostalCode, isEmailAddress, isPhoneNumber } from './contactFormats';
import { PartnerInputSchema, type PartnerInput } from './partner';
import { check, type Problem } from './validation';

/**
 * What a form refuses before it saves: its schema's problems and the form of contact details, one problem per
 * field, in the order the fields stand on screen. A format is checked only where the value was typed in this
 * form (differs from what was loaded), so a row stored before these checks, with a number written another way,
 * still saves when someone corrects only its name.
 */
export function caseFormProblems(body: CaseBody, loaded?: CaseBody): Problem[] {
  const checked = check(CaseBodySchema, body);
  return inFieldOrder(
    [...(checked.ok ? [] : checked.problems), ...formatProblem('phone', body.phone, loaded?.phone, isPhoneNumber)],
    ['label', 'address', 'phone', 'household'],
  );
}

const PARTNER_FIELDS = [
  'body.name',
  'body.street',
  'body.postalCode',
  'body.city',
  'body.phone',
  'body.email',
  'body.website',
  'body.openingHours',
  'themes',
  'body.contacts.*.name',
  'body.contacts.*.role',
  'body.contacts.*.phone',
  'body.contacts.*.email',
  'body.notes',
] as const;

export function partnerFormProblems(input: PartnerInput, loaded?: PartnerInput): Problem[] {
  const checked = check(PartnerInputSchema, input);
  const { body } = input;
  const before = loaded?.body;
  const contactBefore = (id: string) => before?.contacts.find((c) => c.id === id);
  const formats = [
    ...formatProblem('body.postalCode', body.postalCode, before?.postalCode, isBelgianPostalCode),
    ...formatProblem('body.phone', body.phone, before?.phone, isPhoneNumber),
    ...formatProblem('body.email', body.email, before?.email, isEmailAddress),
    ...body.contacts.flatMap((c, i) => [
      ...formatProblem(`body.contacts.${i}.phone`, c.phone, contactBefore(c.id)?.phone, isPhoneNumber),
      ...formatProblem(`body.contacts.${i}.email`, c.email, contactBefore(c.id)?.email, isEmailAddress),
    ]),
  ];
  return inFieldOrder([...(checked.ok ? [] : checked.problems), ...formats], PARTNER_FIELDS);
}

/** Empty is fine (the fields are optional); so is a value as it was loaded. */
function formatProblem(path: string, value: string, loaded: string | undefined, isValid: (text: string) => boolean): Problem[] {
  const text = value.trim();
  if (text === '' || text === (loaded ?? '').trim() || isValid(text)) return [];
  return [{ path, code: 'invalid' }];
}

/**
 * One problem per field (the first found), sorted as the fields stand: by the field's place in `order`, where
 * `*` stands for a list index; entries of one list go entry by entry. Paths not in `order` come last.
 */
export function inFieldOrder(problems: Problem[], order: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
  const key = (path: string): [number, number, number] => {
    const pattern = path.replace(/\.\d+(?=\.|$)/g, '.*');
    const head = pattern.split('*')[0];
    const group = order.findIndex((p) => p.split('*')[0] === head);
    const field = order.indexOf(pattern);
    const index = Number(/\.(\d+)(?=\.|$)/.exec(path)?.[1] ?? 0);
    const last = order.length;
    return [group < 0 ? last : group, index, field < 0 ? last : field];
  };
  return unique
    .map((problem) => ({ problem, key: key(problem.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map(({ problem }) => problem);
}
