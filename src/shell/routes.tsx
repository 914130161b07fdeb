import type { ComponentChildren } from 'preact';
import { CaseForm } from '../features/cases/CaseForm';
import { CaseloadScreen } from '../features/cases/CaseloadScreen';
import { CaseScreen } from '../features/cases/CaseScreen';
import { ExampleForm } from '../features/examples/ExampleForm';
import { ExampleListScreen } from '../features/examples/ExampleListScreen';
import { ExampleScreen } from '../features/examples/ExampleScreen';
import { FollowUpsScreen } from '../features/followups/FollowUpsScreen';
import { NoteScreen } from '../features/visits/NoteScreen';
import { VisitNoteScreen } from '../features/visits/VisitNoteScreen';
import { PartnerForm } from '../features/partners/PartnerForm';
import { PartnerListScreen } from '../features/partners/PartnerListScreen';
import { PartnerScreen } from '../features/partners/PartnerScreen';
import { matchPath } from '../ui/router';

type Params = Record<string, string>;

/** Every deep link of the app. Paths are Dutch, like the app; the manifest shortcuts point at two of them. */
const ROUTES: Array<[string, (p: Params) => ComponentChildren]> = [
  ['/', () => <CaseloadScreen />],
  ['/bezoek/nieuw', () => <CaseloadScreen pickFor="visit" />],
  ['/dossiers/nieuw', () => <CaseForm />],
  ['/dossiers/:id', (p) => <CaseScreen caseId={p.id!} />],
  ['/dossiers/:id/bewerken', (p) => <CaseForm caseId={p.id!} />],
  ['/dossiers/:id/bezoek', (p) => <VisitNoteScreen caseId={p.id!} />],
  ['/notities/:id', (p) => <NoteScreen noteId={p.id!} />],
  ['/opvolging', () => <FollowUpsScreen />],
  ['/partners', () => <PartnerListScreen />],
  ['/partners/nieuw', () => <PartnerForm />],
  ['/partners/:id', (p) => <PartnerScreen partnerId={p.id!} />],
  ['/partners/:id/bewerken', (p) => <PartnerForm partnerId={p.id!} />],
  ['/voorbeelden', () => <ExampleListScreen />],
  ['/voorbeelden/nieuw', () => <ExampleForm />],
  ['/voorbeelden/:id', (p) => <ExampleScreen exampleId={p.id!} />],
  ['/voorbeelden/:id/bewerken', (p) => <ExampleForm exampleId={p.id!} />],
];

/** The screen for a path, or null when no route matches. */
export function screenFor(path: string): ComponentChildren | null {
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return render(params);
  }
  return null;
}
