import test from 'node:test'; test('placeholder until the gallery lands', () => {});
