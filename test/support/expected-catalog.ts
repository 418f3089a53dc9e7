/** What prisma/schema.prisma says the database should contain, derived from Prisma's DMMF in the same shape readCatalog() returns. */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import internals from "@prisma/internals";
import type { Catalog, CatalogColumn, CatalogForeignKey, CatalogIndex } from "./catalog.ts";

type Document = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = Document["datamodel"]["models"][number];
type Field = Model["fields"][number];

export const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

/** Prisma's default column type per scalar, as information_schema spells it (data_type, udt_name). */
const SCALAR_TYPES: Record<string, [string, string]> = {
  String: ["text", "text"],
  Int: ["integer", "int4"],
  BigInt: ["bigint", "int8"],
  Float: ["double precision", "float8"],
  Decimal: ["numeric", "numeric"],
  Boolean: ["boolean", "bool"],
  DateTime: ["timestamp without time zone", "timestamp"],
  Json: ["jsonb", "jsonb"],
  Bytes: ["bytea", "bytea"],
};

/** `@db.*` attributes this schema may use; an unknown one fails loudly so this table gets extended. */
const NATIVE_TYPES: Record<string, [string, string]> = {
  Timestamptz: ["timestamp with time zone", "timestamptz"],
  Timestamp: ["timestamp without time zone", "timestamp"],
  Text: ["text", "text"],
  VarChar: ["character varying", "varchar"],
  Uuid: ["uuid", "uuid"],
};

export async function loadExpectedCatalog(): Promise<Catalog> {
  const dmmf = await internals.getDMMF({ datamodel: await readFile(schemaPath, "utf8") });
  const { models, enums, indexes } = dmmf.datamodel;
  const modelsByName = new Map(models.map((model) => [model.name, model]));
  const tableOf = (modelName: string) => {
    const model = modelsByName.get(modelName);
    if (!model) throw new Error(`Unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const field = modelsByName.get(modelName)?.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`Unknown field ${modelName}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  return {
    tables: models.map((model) => tableOf(model.name)).sort(),
    columns: models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "scalar" || field.kind === "enum")
        .map((field) => expectedColumn(tableOf(model.name), field, enums)),
    ),
    enums: Object.fromEntries(
      enums.map((enumType) => [enumType.dbName ?? enumType.name, enumType.values.map((v) => v.dbName ?? v.name)]),
    ),
    indexes: indexes
      .filter((index) => index.type !== "fulltext")
      .map((index): CatalogIndex => {
        const table = tableOf(index.model);
        const columns = index.fields.map((field) => columnOf(index.model, field.name));
        const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "normal";
        const suffix = { primary: "pkey", unique: "key", normal: "idx" }[kind];
        const conventional = kind === "primary" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
        return { table, name: index.dbName ?? conventional, kind, columns };
      }),
    foreignKeys: models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
        .map((field): CatalogForeignKey => {
          const table = tableOf(model.name);
          const columns = (field.relationFromFields ?? []).map((name) => columnOf(model.name, name));
          return {
            table,
            name: `${table}_${columns.join("_")}_fkey`,
            columns,
            referencedTable: tableOf(field.type),
            referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(field.type, name)),
            // Prisma's defaults: Restrict when the relation is required, SetNull when optional; updates cascade.
            onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
            onUpdate: field.relationOnUpdate ?? "Cascade",
          };
        }),
    ),
  };
}

function expectedColumn(table: string, field: Field, enums: Document["datamodel"]["enums"]): CatalogColumn {
  let type: [string, string];
  if (field.kind === "enum") {
    const enumType = enums.find((candidate) => candidate.name === field.type);
    type = ["USER-DEFINED", enumType?.dbName ?? field.type];
  } else if (field.nativeType) {
    const native = NATIVE_TYPES[field.nativeType[0]];
    if (!native) throw new Error(`Add @db.${field.nativeType[0]} (on ${table}.${field.name}) to NATIVE_TYPES`);
    type = native;
  } else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar) throw new Error(`Add ${field.type} (on ${table}.${field.name}) to SCALAR_TYPES`);
    type = scalar;
  }
  const isTimestamp = type[1] === "timestamp" || type[1] === "timestamptz";
  const precision = Number(field.nativeType?.[1]?.[0] ?? 3);
  return {
    table,
    column: field.dbName ?? field.name,
    // Prisma lists become Postgres arrays, named after their element type with a leading underscore.
    dataType: field.isList ? "ARRAY" : type[0],
    udtName: field.isList ? `_${type[1]}` : type[1],
    // Prisma creates list columns nullable even though the client always reads them as arrays.
    nullable: field.isList || !field.isRequired,
    datetimePrecision: isTimestamp && !field.isList ? precision : null,
  };
}
