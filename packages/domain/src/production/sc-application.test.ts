import { describe, expect, it } from "vitest";
import { assessScApplication, scCategoryErrors } from "./sc-application.js";

const sites = [{ address: "广州市天河区天河路1号" }];

describe("food production licence (SC) applications", () => {
  it("SAMR 2020 art. 13: a new application needs the four documents of art. 13 and the legal status", () => {
    const assessment = assessScApplication({ kind: "new", foodCategories: ["101"], productionSites: sites });
    expect(assessment.requiredMaterials.map((m) => m.code)).toEqual([
      "application_form",
      "subject_qualification",
      "layout_and_process",
      "production_equipment_list",
      "safety_management_rules",
    ]);
  });

  it("SAMR 2020 art. 21: a new application gets an on-site inspection; an unchanged renewal does not", () => {
    expect(
      assessScApplication({ kind: "new", foodCategories: ["101"], productionSites: sites })
        .onsiteInspectionRequired,
    ).toBe(true);
    expect(
      assessScApplication({ kind: "renewal", foodCategories: ["101"], productionSites: sites })
        .onsiteInspectionRequired,
    ).toBe(false);
    expect(
      assessScApplication({
        kind: "change",
        foodCategories: ["101"],
        productionSites: sites,
        premisesChanged: true,
      }).onsiteInspectionRequired,
    ).toBe(true);
  });

  it("refuses unknown food categories, listing the allowed ones", () => {
    expect(scCategoryErrors(["101"])).toEqual([]);
    expect(scCategoryErrors(["999"])[0]!.en).toMatch(/Unknown food categories: 999; allowed: 101/);
  });
});
