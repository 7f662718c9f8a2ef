import type { Static } from "@sinclair/typebox";
import { chinaDate } from "@shian/domain";
import { maskName } from "../../http/masking.js";
import type { BreachRow, LetterRow } from "./repository.js";
import type { BreachView, LetterView, PublicLetter } from "./schema.js";

export function presentBreach(
  breach: BreachRow,
  letter: Pick<LetterRow, "items">,
): Static<typeof BreachView> {
  return {
    id: breach.id,
    letterId: breach.letterId,
    storeId: breach.storeId,
    itemCode: breach.itemCode,
    item: letter.items.find((item) => item.code === breach.itemCode)?.text ?? null,
    source: breach.source,
    sourceId: breach.sourceId,
    note: breach.note,
    recordedAt: breach.recordedAt.toISOString(),
  };
}

export function presentLetter(row: {
  letter: LetterRow;
  storeName: string;
  breaches: BreachRow[];
}): Static<typeof LetterView> {
  const { letter } = row;
  return {
    id: letter.id,
    storeId: letter.storeId,
    storeName: row.storeName,
    regionCode: letter.regionCode,
    template: letter.template,
    templateVersion: letter.templateVersion,
    items: letter.items,
    signerName: letter.signerName,
    signedAt: letter.signedAt.toISOString(),
    withdrawnAt: letter.withdrawnAt?.toISOString() ?? null,
    breaches: row.breaches.map((breach) => presentBreach(breach, letter)),
  };
}

/** The scan page's and the public API's letter: the signer's name masked (PIPL), the China date of signing. */
export function presentPublicLetter(letter: LetterRow): Static<typeof PublicLetter> {
  return {
    template: letter.template,
    templateVersion: letter.templateVersion,
    items: letter.items,
    signerNameMasked: maskName(letter.signerName),
    signedOn: chinaDate(letter.signedAt),
  };
}
