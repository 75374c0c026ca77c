/**
 * What an integration's key may do. Writes are split the way plants split their systems: the
 * ERP owns master data and orders, the MES work orders; `read` is for lookups only. A trading
 * partner reads EPCIS events (`epcis:read`) and sends its own (`epcis:capture`).
 */
export const API_SCOPES = ['items:write', 'partners:write', 'locations:write', 'orders:write', 'work-orders:write', 'read', 'epcis:read', 'epcis:capture'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);

/** An API key as the client sends it: `lk_` and 43 base64url characters (256 bits). */
export const API_KEY_PATTERN = /^lk_[A-Za-z0-9_-]{43}$/;
