import { fuzzStream } from './small.js';

fuzzStream(2);
