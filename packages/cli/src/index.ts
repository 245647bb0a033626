export { main } from './bin.js';
export type { Io } from './io.js';
