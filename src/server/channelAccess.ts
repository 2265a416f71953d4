// Who may post activities to /api/messages, and where the bot may send its replies. With a Microsoft App ID the
// Bot Framework's tokens say who is calling; without one (the "no Azure" set-up, the Emulator, tests) nothing does,
// so only this machine may call, unless a developer turns that off on purpose. Either way the bot replies only to
// service URLs it trusts: the serviceUrl is whatever the caller wrote, and the bot POSTs its replies there.
import { isIP } from 'node:net';
import { plainAddress } from './clientAddress';

export interface ChannelAccessPolicy {
  /** A Microsoft App ID is set: the adapter checks the Bot Framework token on every activity. */
  authenticated: boolean;
  /** ALLOW_UNAUTHENTICATED_CHANNEL=true: without an App ID, callers from other machines are answered too. */
  allowUnauthenticated: boolean;
  /** ALLOWED_SERVICE_URLS: further service URLs replies may go to (each a prefix: scheme, host, port, path). */
  allowedServiceUrls: readonly string[];
}

/** Who sent the request, as far as the connection shows. */
export interface Caller {
  /** The socket's peer address. */
  address: string | undefined;
  /** Whether the request says it was forwarded (a proxy on this machine passing on someone else's request). */
  forwarded: boolean;
}

export type Admission = { ok: true } | { ok: false; status: 403; reason: string };

// The hosts of the Bot Framework's channels: Azure Bot Service (Direct Line, Web Chat, the Emulator's tunnel), Teams
// in every cloud (commercial, GCC, GCC High, DoD) and Azure Government.
const CHANNEL_HOSTS: readonly RegExp[] = [
  /(^|\.)botframework\.com$/,
  /(^|\.)botframework\.azure\.us$/,
  /^smba\.trafficmanager\.net$/,
  /(^|\.)teams\.microsoft\.com$/,
  /(^|\.)teams\.microsoft\.us$/,
];

// Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever the socket says.
export const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = plainAddress(address);
  if (isIP(plain) === 4) return plain.split('.')[0] === '127';
  return plain === '::1';
}

/** A URL's host is this machine: localhost, 127.0.0.0/8 or [::1] (0.0.0.0 is not: it is no address to reply to). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || isLoopbackAddress(host);
}

export const isLocalCaller = (caller: Caller): boolean => !caller.forwarded && isLoopbackAddress(caller.address);

/** Whether replies may be sent to this service URL, for this caller. */
export function serviceUrlAllowed(serviceUrl: string, policy: ChannelAccessPolicy, caller: Caller): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && CHANNEL_HOSTS.some((host) => host.test(url.hostname.toLowerCase()))) return true;
  if (policy.allowedServiceUrls.some((allowed) => startsWithUrl(url, allowed))) return true;
  // The Emulator and tests on this machine, replying to themselves: never on a caller's word from elsewhere.
  return !policy.authenticated && isLocalCaller(caller) && isLoopbackHost(url.hostname);
}

/** `url` is `prefix` or below it: the same scheme, host and port, and a path that starts with the prefix's. */
function startsWithUrl(url: URL, prefix: string): boolean {
  const allowed = new URL(prefix);
  const path = allowed.pathname.endsWith('/') ? allowed.pathname : `${allowed.pathname}/`;
  return url.origin === allowed.origin && `${url.pathname.replace(/\/?$/, '/')}`.startsWith(path);
}

/** Whether this activity is answered at all: refused (403, and nothing sent anywhere) when it may not be. */
export function admitActivity(policy: ChannelAccessPolicy, caller: Caller, serviceUrl: string): Admission {
  if (!policy.authenticated && !policy.allowUnauthenticated && !isLocalCaller(caller)) {
    return {
      ok: false,
      status: 403,
      reason:
        'Without MicrosoftAppId this endpoint answers only this machine (the Emulator, tests). Set MicrosoftAppId ' +
        '(see README, Configuration), or ALLOW_UNAUTHENTICATED_CHANNEL=true for development only.',
    };
  }
  if (!serviceUrlAllowed(serviceUrl, policy, caller)) {
    return {
      ok: false,
      status: 403,
      reason: "The activity's serviceUrl is not one the bot replies to (see ALLOWED_SERVICE_URLS in the README).",
    };
  }
  return { ok: true };
}
