import { LIVE_NAMESPACE } from '@aftersales/contracts/consultation';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useAuth } from '../auth/auth-context';

interface Live {
  /** The signed-in user's socket on `/live`; none while signed out. */
  socket?: Socket;
  /** Whether the socket is connected now: while it is not, pages catch up over HTTP. */
  connected: boolean;
}

const LiveContext = createContext<Live>({ connected: false });

/**
 * One socket per signed-in customer, agent or engineer (those who chat or follow repair orders), shared by
 * every page. Each (re)connection presents the current access token, so a token renewed since the last one
 * is the one sent.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { state, authorizedFetch } = useAuth();
  const signedIn = state.status === 'signed-in';
  const follows = signedIn && state.user.role !== 'admin';
  const token = useRef<string | undefined>(undefined);
  token.current = signedIn ? state.accessToken : undefined;
  const renew = useRef(authorizedFetch);
  renew.current = authorizedFetch;
  const [live, setLive] = useState<Live>({ connected: false });

  useEffect(() => {
    if (!follows) return;
    const socket = io(LIVE_NAMESPACE, {
      auth: (send) => send({ token: token.current }),
      // WebSocket only: long-polling would need sticky sessions across the gateway's processes.
      transports: ['websocket'],
    });
    let closed = false;
    const update = () => setLive({ socket, connected: socket.connected });
    socket.on('connect', update);
    socket.on('disconnect', update);
    socket.on('connect_error', () => {
      update();
      // A refusal by the server (an expired token) is not retried by socket.io itself: renew the token by
      // an authenticated call, then try again.
      if (!socket.active) {
        void renew.current('/api/me').finally(() =>
          setTimeout(() => {
            if (!closed) socket.connect();
          }, 2_000),
        );
      }
    });
    update();
    return () => {
      closed = true;
      socket.disconnect();
      setLive({ connected: false });
    };
  }, [follows]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}
