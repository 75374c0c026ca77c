import { readdir, readFile } from 'node:fs/promises';
import { checkTemplate, type LabelTemplate } from '../../domain/labels';

const HERE = new URL('./', import.meta.url);

export type TemplateLoadProblem = 'unknown' | 'unreadable' | 'not-json' | 'invalid';

export class TemplateLoadError extends Error {
  override name = 'TemplateLoadError';
  constructor(
    readonly problem: TemplateLoadProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The starter templates shipped with Lotline, by name. */
export async function listTemplates(): Promise<string[]> {
  const files = await readdir(HERE);
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A name without a path or `.json` is a starter template; anything else is a file. */
const isFileRef = (ref: string) => ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');

/**
 * Loads a template by starter name or file path and checks it as saving would: a template
 * that would not pass the check is never handed out for printing.
 */
export async function loadTemplate(ref: string): Promise<LabelTemplate> {
  const file = isFileRef(ref) ? ref : new URL(`${ref}.json`, HERE);
  if (!isFileRef(ref) && !(await listTemplates()).includes(ref)) {
    throw new TemplateLoadError('unknown', `no template '${ref}' (starter templates: ${(await listTemplates()).join(', ')})`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateLoadError(code === 'ENOENT' ? 'unknown' : 'unreadable', `cannot read template ${ref}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateLoadError('not-json', `template ${ref} is not JSON: ${(error as Error).message}`);
  }
  const checked = checkTemplate(json);
  if (!checked.ok) throw new TemplateLoadError('invalid', `template ${ref}: ${checked.problems.join('; ')}`);
  return checked.template;
}
