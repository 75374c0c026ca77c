import { checkTemplate } from './check-template';
import { resolveLabelData, type LabelDataError } from './label-data';
import { isError, newLabelRun } from './label-strings';
import { compileLayout } from './layout';
import { rfidEpc, tagHex, withRfid, type PrefixLengthOf } from './rfid';
import type { LabelTemplate, LabelTemplateInput, ZplTemplate } from './template';
import { planZplTemplate } from './zpl-template-check';
import { compileZplText } from './zpl-template';

/** `epc`: the hex EPC an RFID label's tag is written with, which the printer's read-back must match. */
export type LabelResult = { ok: true; zpl: string; epc?: string } | { ok: false; error: LabelDataError };

/** Label data (as JSON gives it) to ZPL; refuses data GS1 forbids before any ZPL is made. */
export type LabelMaker = (input: unknown) => LabelResult;

export interface CompileOptions {
  /** The year two-digit GS1 years are judged against; the current year unless a test fixes it. */
  referenceYear?: number;
  /** Company prefix lengths for RFID labels whose template does not fix one (GS1's table, kept by the server). */
  prefixLengthOf?: PrefixLengthOf;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

function compileZpl(template: ZplTemplate) {
  const plan = planZplTemplate(template);
  if (!plan.ok) throw new TemplateError(plan.problems);
  return compileZplText(plan.text, plan.slots);
}

/**
 * Checks a template once and returns the function that makes its labels. Printing many labels
 * from one template version goes through one compiled maker: the template is never re-read.
 */
export function compileTemplate(template: LabelTemplateInput | LabelTemplate, options: CompileOptions = {}): LabelMaker {
  const checked = checkTemplate(template);
  if (!checked.ok) throw new TemplateError(checked.problems);
  const render = checked.template.kind === 'layout' ? compileLayout(checked.template) : compileZpl(checked.template);
  const rfid = checked.template.rfid;
  return (input) => {
    // Read the clock once a label: a server printing across New Year judges each label by its own year.
    const referenceYear = options.referenceYear ?? new Date().getFullYear();
    const resolved = resolveLabelData(input, { referenceYear });
    if (!resolved.ok) return resolved;
    const zpl = render(newLabelRun(resolved.data, referenceYear));
    if (typeof zpl !== 'string') return { ok: false, error: zpl };
    if (!rfid) return { ok: true, zpl };
    const epc = rfidEpc(rfid, resolved.data, options.prefixLengthOf);
    if (isError(epc)) return { ok: false, error: epc };
    const hex = tagHex(epc.hex);
    return { ok: true, zpl: withRfid(zpl, hex), epc: hex };
  };
}
