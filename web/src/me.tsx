// The signed-in parent's profile (units, time zone), loaded once and shared by every page.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { api, type Schemas } from './api/client';
import { Loaded, useLoad } from './ui';
import type { Units } from './units';

type Me = { user: Schemas['UserResponse']; units: Units; reload: () => void };
const MeContext = createContext<Me | null>(null);

export function MeProvider(props: { children: ComponentChildren }) {
  const state = useLoad(() => api.get('/v1/me'), []);
  return (
    <Loaded state={state} what="your account">
      {(user) => (
        <MeContext.Provider value={{ user, units: user.units === 'imperial' ? 'imperial' : 'metric', reload: state.reload }}>
          {user.deletedAt ? <DeletedAccountGate>{props.children}</DeletedAccountGate> : props.children}
        </MeContext.Provider>
      )}
    </Loaded>
  );
}

/** During the grace period only settings (with restore) make sense. */
function DeletedAccountGate(props: { children: ComponentChildren }) {
  const me = useMe();
  const onSettings = location.pathname.endsWith('/settings');
  if (onSettings) return <>{props.children}</>;
  return (
    <div class="notice" role="alert">
      <p>Your account is scheduled for deletion. You can restore it until the grace period ends.</p>
      <button type="button" onClick={() => api.post('/v1/me/restore', undefined).then(me.reload)}>Restore my account</button>
    </div>
  );
}

export function useMe(): Me {
  return useContext(MeContext)!;
}
