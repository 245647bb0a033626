import { fuzzStream } from './small.js';

fuzzStream(1);
