export type Language = "zh-CN" | "en";

/** Picks zh-CN or English from Accept-Language by quality; Chinese is the default. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  // Most phones send no English at all: nothing to rank then.
  if (!acceptLanguage || !acceptLanguage.toLowerCase().includes("en")) return "zh-CN";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag.startsWith("zh") || entry.tag.startsWith("en"))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith("en") ? "en" : "zh-CN";
}
