import { useState } from 'preact/hooks';

interface Props {
  name: string;
  /** The name as initials (model/initials), shown in the discreet mode. */
  short: string;
  /**
   * Words after the initials for the reveal button ("(naam tonen)"): given, a tap shows the name here in the
   * discreet mode. Left out inside a link, where a tap opens the case.
   */
  revealLabel?: string;
}

/**
 * A client's name. In the discreet mode (a class on <html>, ui/discreet.ts) the stylesheet hides it and shows
 * `short` in its place; the name keeps its room, invisible, so switching or revealing never moves the layout.
 */
export function ClientName({ name, short, revealLabel }: Props) {
  const [revealed, setRevealed] = useState(false);
  if (revealed) return <span class="client-name">{name}</span>;
  return (
    <span class={revealLabel ? 'client-name client-name-revealable' : 'client-name'} data-initials={short}>
      <span class="client-name-held">{name}</span>
      {revealLabel && (
        <button type="button" class="client-name-reveal" onClick={() => setRevealed(true)}>
          <span class="visually-hidden">{`${short} ${revealLabel}`}</span>
        </button>
      )}
    </span>
  );
}
