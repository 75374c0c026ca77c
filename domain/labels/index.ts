export { compileTemplate, TemplateError, type CompileOptions, type LabelMaker, type LabelResult } from './compile';
export { checkTemplate, type TemplateCheck } from './check-template';
export { canonicalJson, diffTemplates, formatTemplateDiff, type TemplateChange } from './diff';
export { BARCODE_FIELDS, GS1_FIELDS, LabelInputSchema, TEXT_FIELDS, type BarcodeField, type Gs1Field, type LabelInput, type TextField } from './fields';
export { resolveLabelData, type LabelData, type LabelDataError, type LabelDataOptions, type LabelDataResult } from './label-data';
export {
  LabelTemplateSchema,
  labelSize,
  zplText,
  type LabelSize,
  type LabelTemplate,
  type LabelTemplateInput,
  type LayoutElement,
  type LayoutTemplate,
  type ZplTemplate,
} from './template';
export { DATAMATRIX_ESCAPE } from './zpl-barcodes';
export { readZplFields, type ZplField } from './zpl-read';
export { TEXT_HEX_INDICATOR, hexEscapeText } from './zpl-text';
export { LOGISTIC_SIZES, logisticLabelZpl, type LogisticDpi, type LogisticLabel, type LogisticLabelInput, type LogisticParty, type LogisticSize } from './logistic';
export { fill, flatten, graphicField, type PathCommand, type PlacedOutline } from './raster';
export { needsWideFont, rewriteTextFields, type TextFieldLayout } from './text-fields';
export { RfidSetup, judgeReadBack, readBackAnswer, rfidCommands, rfidEpc, tagHex, takeReadBack, withRfid, type PrefixLengthOf, type TagVerdict } from './rfid';
