// What /api/messages answers when botbuilder's CloudAdapter refuses an activity: the adapter writes its own error text
// (a token library's message, a failed key download's URL) into the response. A caller gets only a status and a fixed
// reason; a failure before the turn began is one of authentication (401), anything later is the bot's own (500).
import type { Response as AdapterResponse } from 'botbuilder';
import type { Response } from 'restify';

export const UNAUTHORIZED = 'The Bot Framework token is missing or could not be verified.';
export const TURN_FAILED = 'The bot could not process this activity.';

/** What the adapter tried to answer, for the log: the status only (its text may quote the request). */
export type AdapterRefusal = { status: number; beforeTurn: boolean };

/**
 * A response for `CloudAdapter.process` (status, header, send, end) that passes successful answers through and
 * replaces the adapter's error bodies. `turnStarted` says whether the bot's logic ran (authentication passed).
 */
export function guardedAdapterResponse(
  res: Response,
  turnStarted: () => boolean,
  onRefusal: (refusal: AdapterRefusal) => void,
): AdapterResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status: (code: number) => {
      status = code;
    },
    header: (name: string, value: unknown) => {
      res.header(name, String(value));
    },
    send: (sent?: unknown) => {
      body = sent;
    },
    end: () => {
      if (status < 400) {
        if (body === undefined) res.send(status);
        else res.send(status, body);
        return;
      }
      const beforeTurn = !turnStarted();
      onRefusal({ status, beforeTurn });
      if (status === 401 || (status >= 500 && beforeTurn)) res.send(401, { error: UNAUTHORIZED });
      else if (status >= 500) res.send(500, { error: TURN_FAILED });
      else res.send(status, { error: `The activity was refused (${status}).` });
    },
  };
}
