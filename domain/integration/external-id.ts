/**
 * External ids are the ERP's or MES's own keys. They are compared as stored, so every id is
 * normalised the same way before it is looked up or written: surrounding whitespace (spaces,
 * tabs, the ideographic space, no-break spaces) is trimmed; anything that would make two ids
 * look alike to a person and differ to the database is refused rather than guessed at.
 */

export const EXTERNAL_ID_MAX = 64;

export type ExternalIdProblem = 'empty' | 'too_long' | 'inner_space' | 'full_width' | 'control' | 'bad_character';

export type ExternalIdVerdict = { ok: true; id: string } | { ok: false; problem: ExternalIdProblem; message: string };

const ALLOWED = /^[A-Za-z0-9][A-Za-z0-9._:/#-]*$/;
const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const INNER_SPACE = /[\s\u3000\u200B\uFEFF]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** The ASCII character a full-width form stands for (Ａ -> A, １ -> 1). */
function halfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

export function normaliseExternalId(raw: string): ExternalIdVerdict {
  const id = raw.trim();
  if (id.length === 0) return { ok: false, problem: 'empty', message: 'is empty' };
  if (id.length > EXTERNAL_ID_MAX) return { ok: false, problem: 'too_long', message: `is longer than ${EXTERNAL_ID_MAX} characters` };
  const control = CONTROL.exec(id);
  if (control) return { ok: false, problem: 'control', message: `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
  if (INNER_SPACE.test(id)) return { ok: false, problem: 'inner_space', message: 'contains a space inside it (only spaces around an id are trimmed)' };
  const wide = FULL_WIDTH.exec(id);
  if (wide) return { ok: false, problem: 'full_width', message: `contains the full-width character '${wide[0]}'; send '${halfWidth(wide[0])}' instead` };
  if (!ALLOWED.test(id)) return { ok: false, problem: 'bad_character', message: 'may hold only letters A-Z, digits and . _ : / # - , starting with a letter or digit' };
  return { ok: true, id };
}
