/**
 * Words that reject a rating comment automatically (辱骂、不文明用语). Data, not code: extend the list here;
 * matching ignores case, spaces and punctuation, so "f u c k" and "傻 逼" match too. Everything else waits for
 * an officer's approval, so the list only needs the obvious cases.
 */
export const ABUSIVE_WORDS: readonly string[] = [
  "傻逼",
  "傻b",
  "煞笔",
  "草泥马",
  "操你",
  "日你",
  "妈的",
  "他妈",
  "去死",
  "贱人",
  "狗日",
  "王八蛋",
  "混蛋",
  "滚蛋",
  "fuck",
  "shit",
  "bitch",
  "asshole",
  "bastard",
];

function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

const SQUEEZED = ABUSIVE_WORDS.map(squeeze);

/** Whether a comment contains a word of the list. */
export function isAbusive(comment: string): boolean {
  const text = squeeze(comment);
  return SQUEEZED.some((word) => text.includes(word));
}
