import { connect } from '../../../src/db/connection';
import { createCase } from '../../../src/db/cases';
import { emptyCaseBody } from '../../../src/model/caseFile';

let counter = 0;

/** Every test gets its own (fake) IndexedDB database, so tests never see each other's rows. */
export function freshDb(): void {
  connect(`test-${process.pid}-${counter++}`);
}

export function aCase(label = 'Gezin Test', scopeId = 'team-a') {
  return createCase(scopeId, { ...emptyCaseBody(), label }, new Date('2026-11-01T09:00:00Z'));
}
