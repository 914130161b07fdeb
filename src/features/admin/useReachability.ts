import { useEffect, useState } from 'preact/hooks';
import { reachability, watchReachability, type Reachability } from '../../sync/status';

/** Whether the server answers (a real request, see sync/status), kept current while the screen is open. */
export function useReachability(): Reachability {
  const [state, setState] = useState<Reachability>(reachability());
  useEffect(() => watchReachability(setState), []);
  return state;
}
