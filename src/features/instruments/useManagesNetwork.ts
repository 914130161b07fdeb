import { currentWorkspace } from '../../db/workspace';
import { useLoaded } from '../../ui/useLoaded';

/** Whether this person starts and closes network instruments (coordinators); everyone fills them in. */
export function useManagesNetwork(): boolean {
  const workspace = useLoaded(currentWorkspace, []);
  // Until known, the actions stay hidden rather than appear and then vanish.
  return workspace.state === 'ready' && workspace.value.managesNetworkInstruments;
}
