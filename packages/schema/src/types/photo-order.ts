import { builder } from '../builder.js';

export const PhotoOrderEnum = builder.enumType('PhotoOrder', {
  description: 'TAKEN_AT: oldest first; TAKEN_AT_DESC: newest first. Photos without a date sort as oldest.',
  values: ['TAKEN_AT', 'TAKEN_AT_DESC'] as const,
});
