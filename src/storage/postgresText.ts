// PostgreSQL refuses NUL characters and unpaired UTF-16 surrogates in `text` and `jsonb` (the whole write fails), yet
// both are valid in a JavaScript string and so can arrive in any id or message. Every string bound for PostgreSQL
// passes through here first: each such character becomes U+FFFD (the replacement character), everything else is kept
// as it was. The mapping is the same every time, so a dirty id always finds the same row.

const REPLACEMENT = '\ufffd';

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string as PostgreSQL can keep it: NUL and lone surrogates replaced by U+FFFD. */
export function postgresText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT);
}

/** JSON.stringify, with every string and object key made storable (`postgresText`): for `jsonb` parameters. */
export function postgresJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member === 'string') return postgresText(member);
    // Keys cannot be renamed in place: an object with an unstorable key is replaced by a copy under clean keys.
    if (member !== null && typeof member === 'object' && !Array.isArray(member)) {
      const entries = Object.entries(member);
      if (entries.some(([key]) => postgresText(key) !== key)) {
        return Object.fromEntries(entries.map(([key, inner]) => [postgresText(key), inner]));
      }
    }
    return member;
  });
}

/** `postgresText` for an optional value, as nullable columns take it. */
export function postgresTextOrNull(text: string | undefined | null): string | null {
  return text === undefined || text === null ? null : postgresText(text);
}
