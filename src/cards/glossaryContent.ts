import type { GlossaryEntry } from './cardSchema';
import content from '../../content/glossary.json';

/** The glossary (both languages in one file), in its own chunk: only the glossary and card screens need it. */
export const glossary = content as GlossaryEntry[];
