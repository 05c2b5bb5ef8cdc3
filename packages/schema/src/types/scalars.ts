import { builder } from '../builder.js';

/** Any JSON value (run reports, edit payloads). */
builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
