import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.js";
import { encodeInvalidation, parseInvalidation } from "./notify.js";

describe("LruCache", () => {
  it("evicts the least recently used entry and expires entries after the TTL", () => {
    let now = 0;
    const cache = new LruCache<string>(2, 1000, () => now);
    cache.set("a", "A");
    cache.set("b", "B");
    expect(cache.get("a")).toBe("A");
    cache.set("c", "C");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    now = 1000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops every entry of a group (all languages of a store's page) and nothing else", () => {
    const cache = new LruCache<string>(10, 1000);
    cache.set("code1|zh-CN", "zh", "store-1");
    cache.set("code1|en", "en", "store-1");
    cache.set("code2|zh-CN", "other", "store-2");
    cache.deleteGroup("store-1");
    expect(cache.get("code1|zh-CN")).toBeUndefined();
    expect(cache.get("code1|en")).toBeUndefined();
    expect(cache.get("code2|zh-CN")).toBe("other");
    expect(cache.size).toBe(1);
  });

  it("does not keep a value read before an invalidation that landed meanwhile", () => {
    const cache = new LruCache<string>(10, 1000);
    const readAt = cache.generation;
    cache.delete("JY14401060000010");
    cache.set("JY14401060000010", "old state", "", readAt);
    expect(cache.get("JY14401060000010")).toBeUndefined();
    cache.set("JY14401060000010", "new state", "", cache.generation);
    expect(cache.get("JY14401060000010")).toBe("new state");
  });
});

describe("invalidation messages", () => {
  it("round-trip, and anything else on the channel is ignored", () => {
    const message = { kind: "store", key: "0b0f5c5e-3f0e-4a51-9b7a-1f2a3b4c5d6e" } as const;
    expect(parseInvalidation(encodeInvalidation(message))).toEqual(message);
    expect(parseInvalidation("license:JY14401060000010")).toEqual({
      kind: "license",
      key: "JY14401060000010",
    });
    expect(parseInvalidation("all:")).toEqual({ kind: "all", key: "" });
    expect(parseInvalidation("drop:everything")).toBeNull();
    expect(parseInvalidation("store:'; select 1")).toBeNull();
    expect(parseInvalidation("no colon")).toBeNull();
  });
});
