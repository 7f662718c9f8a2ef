import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "./masking.js";

describe("PIPL art. 51: masking personal data on public and list replies", () => {
  it("masks phones as 138****1234", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
  });
  it("keeps only the surname of a person's name", () => {
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("李")).toBe("*");
  });
});
