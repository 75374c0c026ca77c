export { judgeInboundScan, receiptLines, rollUpInbound, type InboundContainer, type InboundLine, type InboundLot, type InboundScan } from './inbound';
