/** Discord's form-body limits for messages and autocomplete choices, answered as 50035 the way Discord does. */
import type { Json } from "./fake-discord-directory.ts";

/** Discord's nested `errors` object: `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`. */
export type FormErrors = Json;

/** The 400 body for a rejected form: `{ code: 50035, message: "Invalid Form Body", errors }`. */
export function invalidFormBody(errors: FormErrors): Json {
  return { code: 50035, message: "Invalid Form Body", errors };
}

/** Collects form errors in Discord's nested shape. */
export class Problems {
  readonly errors: FormErrors = {};
  found = false;

  add(path: (string | number)[], code: string, message: string): void {
    let node = this.errors;
    for (const key of path) {
      const next = (node[String(key)] ?? {}) as Json;
      node[String(key)] = next;
      node = next;
    }
    const list = (node._errors ?? []) as Json[];
    list.push({ code, message });
    node._errors = list;
    this.found = true;
  }

  maxLength(path: (string | number)[], value: unknown, max: number): void {
    if (typeof value === "string" && value.length > max) {
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
    if (Array.isArray(value) && value.length > max) {
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
  }

  required(path: (string | number)[], value: unknown): void {
    if (value === undefined || value === null || value === "") {
      this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    }
  }

  result(): FormErrors | undefined {
    return this.found ? this.errors : undefined;
  }
}

/** True when a new message would have nothing to show (Discord answers 50006). */
export function isEmptyMessage(body: Json): boolean {
  const has = (key: string) => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  const content = typeof body.content === "string" && body.content.trim() !== "";
  return !content && !has("embeds") && !has("components") && !has("attachments") && !has("sticker_ids") && !body.poll;
}

/** Content, embed and component limits of a message body (create, edit, interaction reply or update). */
export function messageProblems(body: Json): FormErrors | undefined {
  const problems = new Problems();
  problems.maxLength(["content"], body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  problems.maxLength(["embeds"], embeds, 10);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = (...path: (string | number)[]) => ["embeds", index, ...path];
    problems.maxLength(at("title"), embed.title, 256);
    problems.maxLength(at("description"), embed.description, 4096);
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    problems.maxLength(at("fields"), fields, 25);
    fields.forEach((field, fieldIndex) => {
      problems.required(at("fields", fieldIndex, "name"), field.name);
      problems.required(at("fields", fieldIndex, "value"), field.value);
      problems.maxLength(at("fields", fieldIndex, "name"), field.name, 256);
      problems.maxLength(at("fields", fieldIndex, "value"), field.value, 1024);
      total += String(field.name ?? "").length + String(field.value ?? "").length;
    });
    const footer = (embed.footer ?? {}) as Json;
    const author = (embed.author ?? {}) as Json;
    problems.maxLength(at("footer", "text"), footer.text, 2048);
    problems.maxLength(at("author", "name"), author.name, 256);
    for (const text of [embed.title, embed.description, footer.text, author.name]) total += String(text ?? "").length;
  });
  if (total > 6000) problems.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  componentProblems(problems, body.components);
  return problems.result();
}

function componentProblems(problems: Problems, components: unknown): void {
  if (!Array.isArray(components)) return;
  problems.maxLength(["components"], components, 5);
  const seen = new Set<string>();
  (components as Json[]).forEach((row, rowIndex) => {
    const children = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (row.type !== 1 || children.length === 0) {
      problems.add(
        ["components", rowIndex],
        "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        "An action row needs 1 to 5 components",
      );
    }
    problems.maxLength(["components", rowIndex, "components"], children, 5);
    children.forEach((child, childIndex) => {
      const at = ["components", rowIndex, "components", childIndex];
      const link = child.type === 2 && (child.style === 5 || child.style === 6);
      if (!link) {
        problems.required([...at, "custom_id"], child.custom_id);
        problems.maxLength([...at, "custom_id"], child.custom_id, 100);
        const customId = String(child.custom_id);
        if (seen.has(customId)) {
          problems.add(
            [...at, "custom_id"],
            "COMPONENT_CUSTOM_ID_DUPLICATED",
            "Component custom id cannot be duplicated",
          );
        }
        seen.add(customId);
      }
      if (child.type === 2) problems.maxLength([...at, "label"], child.label, 80);
      if (child.type === 3) problems.maxLength([...at, "options"], child.options, 25);
    });
  });
}

/** An autocomplete answer (callback type 8): at most 25 choices, names 1-100 characters, string values up to 100. */
export function choiceProblems(data: Json): FormErrors | undefined {
  const problems = new Problems();
  const choices = Array.isArray(data.choices) ? (data.choices as Json[]) : [];
  problems.maxLength(["data", "choices"], choices, 25);
  choices.forEach((choice, index) => {
    problems.required(["data", "choices", index, "name"], choice.name);
    problems.maxLength(["data", "choices", index, "name"], choice.name, 100);
    problems.maxLength(["data", "choices", index, "value"], choice.value, 100);
  });
  return problems.result();
}
