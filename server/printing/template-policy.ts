import { labelSize, type LabelTemplate } from '../../domain/labels';
import { labelSizeProblem, rawZplProblems, rawZplSizeProblems } from '../../printers/policy';
import { AppError } from '../errors';

/**
 * What a template may be beyond its schema: a size some Zebra prints (400: the request asks for
 * something no printer does), and for raw ZPL only label-drawing commands (422, naming each
 * command). Checked on save, before a preview is drawn and before a job is made, so a version
 * approved before these rules existed cannot print either.
 */
export function checkTemplatePolicy(template: LabelTemplate): void {
  const size = labelSizeProblem(labelSize(template), template.dpi);
  if (size) throw new AppError(400, 'label_too_large', size);
  if (template.kind !== 'zpl') return;
  const oversize = rawZplSizeProblems(template, template.dpi);
  if (oversize.length > 0) throw new AppError(400, 'label_too_large', oversize[0]!);
  const problems = rawZplProblems(template);
  if (problems.length > 0) throw new AppError(422, 'bad_template', `raw ZPL must only draw the label: ${problems.join('; ')}`, { problems });
}
