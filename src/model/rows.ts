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
  /** Per field path ("body.phone", "status" …): the server version that last set it, by whom, when. From sync. */
  fields?: Record<string, FieldStamp>;
  /** Open conflicts on this row, shown to the user until resolved. Holds client data, like `body`. */
  conflicts?: RowConflict[];
}

/** Declared once: the device's rows, the wire (RowState) and the server's merge all use these two. */
export interface FieldStamp {
  version: number;
  by: string;
  at: string;
  /** The device (sync client id) whose change set the field; absent once a conflict is recorded on it. */
  client?: string;
}

export interface RowConflict {
  field: string;
  /** The value that stayed (the other person's), with who set it and when. */
  kept: { value: unknown } & FieldStamp;
  /** The value that could not be applied, with who tried and when. */
  proposed: { value: unknown; by: string; at: string };
}

export type Stamp = Pick<Row<unknown>, 'createdAt' | 'updatedAt' | 'version'>;

export function freshStamp(now: Date): Stamp {
  const iso = now.toISOString();
  return { createdAt: iso, updatedAt: iso, version: 0 };
}
