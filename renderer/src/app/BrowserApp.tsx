import { Suspense, useState, type ReactNode } from 'react';
import { z } from 'zod/mini';
import { ErrorCode, HallErrorSchema } from '../../../shared/kernel/errors';
import type { Problem } from '../ui/ErrorLine';
import { FaceApp, FaceIndex, TokenForm } from './App';
import { BookPage, FollowPage, isFace, RatePage, RegionBoard, type FaceName } from './routes';
import { socketApi } from './socketApi';

type Link = ReturnType<typeof socketApi>;

/**
 * A plain browser, on the page the hub serves: `#/display?token=…`. The token is kept per face in
 * this browser's storage and removed from the address bar, so it is not left on screen. Runs once,
 * before the first render: the page is one face with one link to the hub for its whole life.
 */
export function browserPage(): ReactNode {
  // Each face is its own screen with its own terminal identity: switching faces starts afresh.
  window.addEventListener('hashchange', () => location.reload());
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  // The applicant's phone: no token, no link to the hub but its two calls (faces/rate).
  if (path === 'rate')
    return (
      <Suspense fallback={null}>
        <RatePage code={new URLSearchParams(query).get('code')} />
      </Suspense>
    );
  if (path === 'region')
    return (
      <Suspense fallback={null}>
        <RegionBoard />
      </Suspense>
    );
  if (path === 'book')
    return (
      <Suspense fallback={null}>
        <BookPage />
      </Suspense>
    );
  if (path === 'follow')
    return (
      <Suspense fallback={null}>
        <FollowPage token={new URLSearchParams(query).get('t')} />
      </Suspense>
    );
  if (!isFace(path)) return <FaceIndex />;
  const storageKey = `servicehall.token.${path}`;
  const given = new URLSearchParams(query).get('token');
  if (given) {
    localStorage.setItem(storageKey, given);
    history.replaceState(null, '', `#/${path}`);
  }
  const token = localStorage.getItem(storageKey);
  return <BrowserApp face={path} storageKey={storageKey} initial={token ? socketApi(location.origin, token) : null} />;
}

function BrowserApp({ face, storageKey, initial }: { face: FaceName; storageKey: string; initial: Link | null }) {
  const [link, setLink] = useState(initial);
  const connect = (token: string) => {
    localStorage.setItem(storageKey, token);
    link?.close();
    setLink(socketApi(location.origin, token));
  };
  /** A one-time enrollment code is exchanged for this face's token; anything else is taken as a token. */
  const enter = async (input: string): Promise<Problem | null> => {
    if (!ENROLLMENT_CODE.test(input)) return (connect(input), null);
    const res = await fetch('/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input }),
    });
    const body: unknown = await res.json().catch(() => null);
    const enrolled = Enrolled.safeParse(body);
    if (enrolled.success) return (connect(enrolled.data.token), null);
    const refused = Refused.safeParse(body);
    return refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `HTTP ${res.status}` };
  };
  if (!link) return <TokenForm onToken={enter} />;
  return <FaceApp face={face} api={link} onToken={enter} />;
}

const ENROLLMENT_CODE = /^[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}$/;
/** The hub's answer to POST /enroll: the new token, or why not. */
const Enrolled = z.object({ token: z.string().check(z.minLength(1)) });
const Refused = z.object({ error: HallErrorSchema });
