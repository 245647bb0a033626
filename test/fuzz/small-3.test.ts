import { fuzzStream } from './small.js';

fuzzStream(3);
