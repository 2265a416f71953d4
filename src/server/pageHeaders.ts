// Headers for the HTML pages this server serves: a Content-Security-Policy that allows only what the page names,
// and never cached, framed or given a referrer.
/** An HTML page ready to send: the markup and its headers. */
export interface HtmlPage {
  html: string;
  headers: Record<string, string>;
}

export function strictPageHeaders(allowed: string[]): Record<string, string> {
  const csp = ["default-src 'none'", ...allowed, "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': csp.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}
