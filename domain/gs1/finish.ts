import { currentDateContext, type DateContext } from './dates';
import type { Element, Gs1Error, InputForm, ParseOptions, ParseResult, ParsedElement } from './types';
import { validateElement, validateMessage } from './validate';

const fail = (error: Gs1Error): ParseResult => ({ ok: false, error });

/** Validates extracted elements one by one, then as a message. */
export function finish(form: InputForm, raw: { element: Element; offset: number }[], options: ParseOptions, symbology?: string): ParseResult {
  if (raw.length === 0) return fail({ code: 'empty', message: 'no GS1 data' });
  const context: DateContext = options.referenceYear ? { referenceYear: options.referenceYear } : currentDateContext();
  const elements: ParsedElement[] = [];
  for (const { element, offset } of raw) {
    const checked = validateElement(element, context, offset);
    if (!checked.ok) return fail(checked.error);
    elements.push(checked.element);
  }
  const messageError = validateMessage(elements, options.checkAssociations ?? true);
  if (messageError) return fail(messageError);
  return { ok: true, form, elements, ...(symbology ? { symbology } : {}) };
}

