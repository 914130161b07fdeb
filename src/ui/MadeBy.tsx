interface Props {
  /** Already in words: "Toegevoegd door …", "laatst gewijzigd door … op …". */
  added: string;
  changed: string | null;
}

/** One quiet line under shared field knowledge: who added it and who changed it last. */
export function MadeBy({ added, changed }: Props) {
  return (
    <p class="list-meta" data-testid="made-by">
      {added}
      {changed && ` · ${changed}`}
    </p>
  );
}
