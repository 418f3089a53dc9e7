/** The database's column defaults and the core's setting defaults (which the memory twin uses) are the same values. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_SETTING_DEFAULTS } from "../../src/core/member-settings.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";

describe.each(databaseKinds())("setting defaults on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
    // Only the columns without a default are given: everything else is the migration's DEFAULT.
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Workspace" (id, platform, "externalId", name) VALUES ('w1', 'SLACK', 'T1', 'Cohort')`,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Member" (id, "workspaceId", "externalId", "displayName") VALUES ('m1', 'w1', 'U1', 'Ada')`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it("GIVEN a workspace row given no settings THEN each setting holds the core's default", async () => {
    const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: "w1" } });
    const settings = Object.fromEntries(
      Object.keys(WORKSPACE_SETTING_DEFAULTS).map((name) => [name, workspace[name as keyof typeof workspace]]),
    );
    expect(settings).toEqual(WORKSPACE_SETTING_DEFAULTS);
  });

  it("GIVEN a member row given no settings THEN each setting holds the core's default", async () => {
    const member = await db.prisma.member.findUniqueOrThrow({ where: { id: "m1" } });
    const settings = Object.fromEntries(
      Object.keys(MEMBER_SETTING_DEFAULTS).map((name) => [name, member[name as keyof typeof member]]),
    );
    expect(settings).toEqual(MEMBER_SETTING_DEFAULTS);
  });
});
