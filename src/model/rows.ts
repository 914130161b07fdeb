/**
 * Every stored row keeps what may be indexed (ids, scope, dates, status) on the outside and everything
 * about a person inside `body`. Encryption will later wrap `body` alone, so no schema redesign is needed.
 */
export interface Row<Body> {
  id: string;
  /** The team or organisation that owns the row. */
  scopeId: string;
  createdAt: string;
  updatedAt: string;
  /** Server version of the row; 0 while it only exists on this device. */
  version: number;
  body: Body;
}

export type Stamp = Pick<Row<unknown>, 'createdAt' | 'updatedAt' | 'version'>;

export function freshStamp(now: Date): Stamp {
  const iso = now.toISOString();
  return { createdAt: iso, updatedAt: iso, version: 0 };
}
