import { describe, expect, it } from "vitest";
import { actedOnOtherStage, nextStatus } from "./application-workflow.js";

describe("application workflow", () => {
  it("moves a reviewed application through acceptance, review and decision", () => {
    const normal = { skipsReview: false };
    expect(nextStatus({ ...normal, status: "draft" }, "submit")).toBe("submitted");
    expect(nextStatus({ ...normal, status: "submitted" }, "accept")).toBe("accepted");
    expect(nextStatus({ ...normal, status: "accepted" }, "schedule_onsite")).toBe("onsite_scheduled");
    expect(nextStatus({ ...normal, status: "onsite_scheduled" }, "review")).toBe("reviewed");
    expect(nextStatus({ ...normal, status: "reviewed" }, "approve")).toBe("approved");
  });

  it("refuses transitions out of order", () => {
    expect(nextStatus({ skipsReview: false, status: "submitted" }, "approve")).toBeNull();
    expect(nextStatus({ skipsReview: false, status: "accepted" }, "approve")).toBeNull();
    expect(nextStatus({ skipsReview: false, status: "approved" }, "accept")).toBeNull();
    expect(nextStatus({ skipsReview: false, status: "returned" }, "submit")).toBe("submitted");
  });

  it("art. 13: a commitment application goes from acceptance straight to decision, without review", () => {
    expect(nextStatus({ skipsReview: true, status: "accepted" }, "approve")).toBe("approved");
    expect(nextStatus({ skipsReview: true, status: "accepted" }, "review")).toBeNull();
  });

  it("三分离 (seed 003): an officer of one stage may not act on another stage", () => {
    const actors = { acceptance: "a", review: ["r"], decision: null };
    expect(actedOnOtherStage(actors, "review", "a")).toBe(true);
    expect(actedOnOtherStage(actors, "decision", "r")).toBe(true);
    expect(actedOnOtherStage(actors, "review", "r")).toBe(false);
    expect(actedOnOtherStage(actors, "decision", "d")).toBe(false);
  });
});
