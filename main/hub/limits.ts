import { performance } from 'node:perf_hooks';
import { ErrorCode, type HallError } from '../../shared/kernel/errors';
import type { TerminalRole } from '../../shared/kernel/roles';

/** `burst` at once, then `perSecond` on average. */
export interface Rate {
  burst: number;
  perSecond: number;
}

/**
 * What one terminal (or one address) may ask of the hub in a given time, so that none of them,
 * broken or hostile, can take the hub from the others: a kiosk sending tickets in a loop, a display
 * re-subscribing from cursor 0, a script guessing passwords or enrollment codes.
 */
export interface Limits {
  /** Commands per socket, by the terminal's role. */
  commands: Record<TerminalRole, Rate>;
  /** Queries per socket. */
  queries: Rate;
  /** Subscriptions per terminal (all its sockets, and across reconnects). */
  subscribes: Rate;
  /** Refused subscriptions in a row after which a socket is disconnected. */
  subscribeStrikes: number;
  /** Commands carrying a password, per terminal and per login (each costs ~35 ms of scrypt). */
  passwordsPerTerminal: Rate;
  passwordsPerLogin: Rate;
  /** POST /enroll per client address. */
  enrollPerAddress: Rate;
  /** POST /rate and /rate/look per client address: a phone looks a code up and rates once; many phones may share the hall Wi-Fi's address. */
  ratePerAddress: Rate;
  /** POST /book… per client address: a person looks at the slots, books, perhaps cancels; many phones share the hall Wi-Fi's address. */
  bookPerAddress: Rate;
  /** POST /follow per client address: each waiting phone polls every few seconds. */
  followPerAddress: Rate;
  /** Sockets one terminal may hold at once. */
  socketsPerTerminal: number;
}

/**
 * The hall's limits. A kiosk prints a ticket every few seconds at most, a clerk's PC sends a few
 * commands a second (its outbox after a network cut a little more), a terminal subscribes once per
 * connection; each gets room for a burst well beyond that.
 */
export const HALL_LIMITS: Limits = {
  commands: {
    kiosk: { burst: 20, perSecond: 2 },
    evaluator: { burst: 10, perSecond: 1 },
    display: { burst: 10, perSecond: 1 },
    clerk: { burst: 60, perSecond: 20 },
    manager: { burst: 60, perSecond: 20 },
    // The regional server reads the feed and carries proxy cases (全程代办): a request, its routing
    // and each step of it are a command each, and a hall back from a cut gets its backlog at once.
    region: { burst: 60, perSecond: 20 },
  },
  // A manager going through the board's tabs asks a few queries per tab (ratings, archive, forecast,
  // reports): room for a quick walk through all of them, while a flood still waits.
  queries: { burst: 60, perSecond: 4 },
  subscribes: { burst: 30, perSecond: 1 },
  subscribeStrikes: 5,
  passwordsPerTerminal: { burst: 5, perSecond: 0.5 },
  passwordsPerLogin: { burst: 10, perSecond: 0.5 },
  enrollPerAddress: { burst: 10, perSecond: 0.1 },
  ratePerAddress: { burst: 30, perSecond: 1 },
  bookPerAddress: { burst: 30, perSecond: 1 },
  followPerAddress: { burst: 120, perSecond: 10 },
  socketsPerTerminal: 8,
};

const UNLIMITED: Rate = { burst: Infinity, perSecond: 0 };
/** No limits, for load tests that measure the hub's capacity (`--no-rate-limits`) and for fuzzing its inputs. */
export const NO_LIMITS: Limits = {
  commands: { kiosk: UNLIMITED, evaluator: UNLIMITED, display: UNLIMITED, clerk: UNLIMITED, manager: UNLIMITED, region: UNLIMITED },
  queries: UNLIMITED,
  subscribes: UNLIMITED,
  subscribeStrikes: Infinity,
  passwordsPerTerminal: UNLIMITED,
  passwordsPerLogin: UNLIMITED,
  enrollPerAddress: UNLIMITED,
  ratePerAddress: UNLIMITED,
  bookPerAddress: UNLIMITED,
  followPerAddress: UNLIMITED,
  socketsPerTerminal: Infinity,
};

export const rateLimited = (message: string): { ok: false; error: HallError } => ({
  ok: false,
  error: { code: ErrorCode.RATE_LIMITED, message },
});

/** A token bucket on the monotonic clock (the hub's own clock may be a test's, standing still). */
export class TokenBucket {
  private tokens: number;
  private at = performance.now();

  constructor(private readonly rate: Rate) {
    this.tokens = rate.burst;
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.at) / 1000) * this.rate.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Token buckets by key (a terminal, a login, an address). At most `max` are kept: beyond that the
 * oldest go, which at worst hands a long-idle key a fresh burst.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rate: Rate,
    private readonly max = 10_000,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.max) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(key, (bucket = new TokenBucket(this.rate)));
    }
    return bucket.take();
  }
}
