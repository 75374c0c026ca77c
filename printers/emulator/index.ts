export { createPrinterEmulator, type PrinterEmulator, type PrinterEmulatorOptions, type StoredFormat } from './emulator';
export { INITIAL_STATE, hostStatusAnswer, type PrinterState } from './host-status';
export { ZplStreamReader, labelQuantity } from './zpl-stream';
export { RFID_BEHAVIOURS, encodeTag, type RfidBehaviour, type TagOutcome } from './rfid';
