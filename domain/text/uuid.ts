/**
 * An id as PostgreSQL's uuid type takes it: any 128 bits written 8-4-4-4-12 in hex. Rows made by
 * an import or another system need not carry an RFC 4122 version or variant, and an API that
 * hands such an id out (a pull checkpoint, a lot id) must take it back.
 */
export const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuidText = (value: unknown): value is string => typeof value === 'string' && UUID_TEXT.test(value);
