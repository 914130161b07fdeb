import { t } from '../../i18n/i18n';
import { ecogramLayout, towards } from '../../model/ecogramLayout';
import type { EcoPerson } from '../../model/instrumentRun';
import { groupLabel } from './instrumentText';
import { TieLine } from './TieLine';

const WIDTH = 800;
const HEIGHT = 640;
const CLIENT_R = 42;
const PERSON_R = 24;
const NAME_MAX = 16;

const short = (name: string) => (name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name);

/**
 * The ecogram as a picture: the client in the centre, the people around grouped by group, a line per tie. The
 * picture is one image to assistive technology (its label points to the list below, which holds the same facts).
 */
export function EcogramDrawing({ people }: { people: Array<[id: string, person: EcoPerson]> }) {
  const layout = ecogramLayout(
    people.map(([id, p]) => ({ id, group: p.group })),
    WIDTH,
    HEIGHT,
  );
  const byId = new Map(people);
  const c = layout.centre;
  return (
    <svg class="eco-drawing" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('instruments.eco.drawingLabel', { count: people.length })} data-testid="ecogram-drawing">
      <g class="eco-ties">
        {layout.people.map((pos) => {
          const person = byId.get(pos.id)!;
          return <TieLine key={pos.id} from={towards(c, pos, CLIENT_R)} to={towards(pos, c, PERSON_R)} tie={person.tie} />;
        })}
      </g>
      <circle cx={c.x} cy={c.y} r={CLIENT_R} class="eco-client" />
      <text x={c.x} y={c.y + 6} text-anchor="middle" class="eco-client-label">
        {t('instruments.eco.client')}
      </text>
      {layout.people.map((pos) => (
        <g key={pos.id} class="eco-person">
          <circle cx={pos.x} cy={pos.y} r={PERSON_R} />
          {/* The name sits on the far side of the node from the client, so the tie line never crosses it. */}
          <text x={pos.x} y={pos.y < c.y - 1 ? pos.y - PERSON_R - 8 : pos.y + PERSON_R + 20} text-anchor="middle">
            {short(byId.get(pos.id)!.name)}
          </text>
        </g>
      ))}
      {layout.groups.map((g) => (
        <text key={g.group} x={g.x} y={g.y} text-anchor={g.anchor} class="eco-group-label">
          {groupLabel(g.group)}
        </text>
      ))}
    </svg>
  );
}
