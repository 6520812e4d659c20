/** The Content-Security-Policy every page carries: no scripts at all, styles from the site. */
export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";
