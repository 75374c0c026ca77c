export { sendZpl, queryHostStatus, type PrinterAddress, type SendResult } from './tcp';
export { deliverZpl, type Delivery } from './deliver';
export { fault, standingAfterSend, standingWhileHeld, type LabelStanding } from './confirmation';
export { parseHostStatus, parseHostIdentification, HostStatusError, type HostStatus } from './host-status';
