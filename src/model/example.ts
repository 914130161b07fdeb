import * as v from 'valibot';
import type { Row } from './rows';
import { THEMES, type Theme } from './themes';
import { longText, requiredShort, shortText } from './validation';

/** A praktijkvoorbeeld: how another municipality tackled something, to learn from. */
export const ExampleBodySchema = v.object({
  title: requiredShort,
  municipality: shortText,
  summary: longText,
  approach: longText,
  lessons: longText,
  contact: shortText,
  partnerIds: v.pipe(v.array(shortText), v.maxLength(50)),
});
export type ExampleBody = v.InferOutput<typeof ExampleBodySchema>;

export const ExampleInputSchema = v.object({
  themes: v.pipe(v.array(v.picklist(THEMES)), v.maxLength(THEMES.length)),
  body: ExampleBodySchema,
});
export type ExampleInput = v.InferOutput<typeof ExampleInputSchema>;

export interface Example extends Row<ExampleBody> {
  themes: Theme[];
}

export function emptyExampleBody(): ExampleBody {
  return { title: '', municipality: '', summary: '', approach: '', lessons: '', contact: '', partnerIds: [] };
}
