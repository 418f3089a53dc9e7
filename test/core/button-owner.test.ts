/** One rule for buttons on every platform: only the member a button is bound to may press it. */
import { describe, expect, it } from "vitest";
import { NOT_YOUR_BUTTON, refuseOthersButton } from "../../src/core/button-owner.ts";

describe("refuseOthersButton", () => {
  it("GIVEN a button bound to Ada WHEN Ben presses it THEN he is refused with the one message, privately", () => {
    expect(refuseOthersButton("U-ADA", "U-BEN")).toBe(NOT_YOUR_BUTTON);
    expect(NOT_YOUR_BUTTON).toMatchObject({ private: true, text: expect.stringContaining("someone else") });
  });

  it("GIVEN a button bound to Ada WHEN Ada presses it THEN it runs", () => {
    expect(refuseOthersButton("U-ADA", "U-ADA")).toBeUndefined();
  });

  it.each([undefined, ""])("GIVEN a button bound to no one (%o) WHEN anyone presses it THEN it runs", (owner) => {
    expect(refuseOthersButton(owner, "U-BEN")).toBeUndefined();
  });
});
