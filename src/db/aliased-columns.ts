/** Several models in one raw row: each model's columns selected as "alias.column" from Prisma's field list, and read back by alias. */

/** Every field of a model under `alias`, e.g. `w."name" AS "w.name"`; the field list is Prisma's, so a new column comes along by itself. */
export function aliasedColumns(alias: string, fields: Record<string, string>): string {
  return Object.values(fields)
    .map((field) => `${alias}."${field}" AS "${alias}.${field}"`)
    .join(", ");
}

/** The model selected under `alias` by `aliasedColumns`. */
export function aliasedPart<T>(row: Record<string, unknown>, alias: string): T {
  const prefix = `${alias}.`;
  const model: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) model[key.slice(prefix.length)] = value;
  }
  return model as T;
}
