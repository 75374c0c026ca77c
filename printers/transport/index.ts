export { sendZpl, queryHostStatus, type PrinterAddress, type SendResult } from './tcp';
export { parseHostStatus, parseHostIdentification, HostStatusError, type HostStatus } from './host-status';
