import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { createSchema } from './schema.js';

/** Where the committed SDL lives: packages/schema/schema.graphql. */
export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function printKindredSchema(): string {
  return `${printSchema(createSchema())}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, printKindredSchema());
  console.log(`wrote ${schemaFile}`);
}
