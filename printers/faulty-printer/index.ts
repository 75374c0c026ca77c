export { createFaultyPrinter, type FaultyPrinter, type Faults } from './faulty-printer';
