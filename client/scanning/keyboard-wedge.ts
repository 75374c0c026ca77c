import { DEFAULT_WEDGE, WedgeReader, type WedgeStep } from './wedge';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function focusedField(): TextField | null {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
}

/** Input types whose caret can be read; the rest (number, email) can only be appended to. */
function hasCaret(field: TextField): boolean {
  return field instanceof HTMLTextAreaElement || ['text', 'search', 'tel', 'url', 'password'].includes(field.type);
}

/**
 * Puts text into a field the way typing would: at the caret, then an input event, so React's
 * onChange sees it. The native setter is used because React tracks the value property.
 */
function insertText(field: TextField, text: string): void {
  if (!text || !field.isConnected) return;
  if (hasCaret(field)) field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  else setValue(field, field.value + text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function setValue(field: TextField, value: string): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
}

/**
 * Reads the keyboard wedge on the whole window: calls onScan for every scan. What a person types
 * reaches the focused field unchanged; a scan's keys are kept out of it (its first key, typed
 * before it could be known as a scan, is taken back out). Returns a stop.
 */
export function readWedgeKeys(onScan: (scan: string) => void): () => void {
  // The settings screen may change what the scanner sends for FNC1; a new burst reads it afresh.
  const fnc1Setting = () => localStorage.getItem('lotline.fnc1') ?? undefined;
  let fnc1Substitute = fnc1Setting();
  let reader = new WedgeReader({ ...DEFAULT_WEDGE, fnc1Substitute });
  // The field focused when the burst began, and its value and caret before the burst's first key.
  let field: TextField | null = null;
  let before: { value: string; caret: number | null } = { value: '', caret: null };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const giveBack = (text: string) => {
    if (field && text) insertText(field, text);
  };
  const flushLater = () => {
    clearTimeout(timer);
    // A burst that stops without Enter/Tab was typed by a person: its held keys go to the field.
    // The timer may run before keys queued behind a busy main thread, so it only gives the keys
    // back; whether the burst is over is judged by the next key's own time stamp.
    timer = setTimeout(() => giveBack(reader.releaseHeld()), DEFAULT_WEDGE.maxGapMs + 100);
  };
  const onPointer = () => giveBack(reader.flush());
  const takeBackFirstKey = () => {
    if (!field || field.value === before.value) return;
    setValue(field, before.value);
    if (before.caret !== null && hasCaret(field)) field.setSelectionRange(before.caret, before.caret);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const onKey = (event: KeyboardEvent) => {
    const at = event.timeStamp || performance.now();
    // A burst that is over gives its keys back before this key lands, whatever the timer did.
    giveBack(reader.expire(at));
    if (!reader.reading) {
      if (fnc1Setting() !== fnc1Substitute) {
        fnc1Substitute = fnc1Setting();
        reader = new WedgeReader({ ...DEFAULT_WEDGE, fnc1Substitute });
      }
      field = focusedField();
      before = { value: field?.value ?? '', caret: field && hasCaret(field) ? field.selectionStart : null };
    }
    const step: WedgeStep = reader.key(event.key, at, event.ctrlKey);
    giveBack(step.release);
    if (step.action === 'hold') {
      event.preventDefault();
      flushLater();
    } else if (step.action === 'scan') {
      clearTimeout(timer);
      event.preventDefault();
      takeBackFirstKey();
      onScan(step.scan);
    }
  };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('pointerdown', onPointer, true);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('pointerdown', onPointer, true);
  };
}
