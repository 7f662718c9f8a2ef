// Step 10: smart-kitchen events and the business's responses feed the 智慧监管上线 group of Zhenhai's grade
// (seed 004 镇海: “智慧监管上线” is one of the industry-supervision dimensions).
import { describe, expect, it } from "vitest";
import { gradeStore } from "./grading.js";
import { INDICATORS, ZHENHAI_INDICATORS } from "./indicators.js";
import { cleanFacts } from "./test-facts.js";
import { ZHENHAI_3L4C } from "./zhenhai-3l4c.js";

const responded = INDICATORS.kitchen_events_responded.score;

describe("kitchen_events_responded (seed 004 Zhenhai 智慧监管上线)", () => {
  it("is the share of the period's events answered, 25 points less per rodent event, never below 0", () => {
    expect(responded(cleanFacts({ kitchenEvents: 0, kitchenEventsResponded: 0 }))).toBe(100);
    expect(responded(cleanFacts({ kitchenEvents: 4, kitchenEventsResponded: 3 }))).toBe(75);
    expect(
      responded(cleanFacts({ kitchenEvents: 4, kitchenEventsResponded: 4, kitchenRodentEvents: 1 })),
    ).toBe(75);
    expect(
      responded(cleanFacts({ kitchenEvents: 9, kitchenEventsResponded: 0, kitchenRodentEvents: 9 })),
    ).toBe(0);
  });

  it("does not count for a store not connected to smart supervision (null facts)", () => {
    expect(
      responded(cleanFacts({ kitchenEvents: null, kitchenEventsResponded: null, kitchenRodentEvents: null })),
    ).toBeNull();
  });

  it("sits in Zhenhai's 智慧监管上线 group, and unanswered rodent events lower the grade's score", () => {
    if (ZHENHAI_INDICATORS.kind !== "weighted") throw new Error("Zhenhai is weighted");
    expect(ZHENHAI_INDICATORS.entries.find((e) => e.code === "kitchen_events_responded")).toMatchObject({
      group: "smart_supervision",
    });
    const answered = gradeStore(ZHENHAI_3L4C, cleanFacts({ kitchenEvents: 2, kitchenEventsResponded: 2 }));
    const ignored = gradeStore(
      ZHENHAI_3L4C,
      cleanFacts({ kitchenEvents: 2, kitchenEventsResponded: 0, kitchenRodentEvents: 2 }),
    );
    expect(ignored.evaluation.score).toBeLessThan(answered.evaluation.score);
  });
});
