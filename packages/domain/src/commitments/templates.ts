// Commitment letters (承诺书) as data. `xiangshan-2023` holds the ten points of the letter Xiangshan's braised-meat
// producers and sellers sign (象山县卤肉食品安全“一件事”改革, seed 004); the seed words item 7 for 卤肉 and we keep it
// general (食品) so every business can sign it. A signed letter keeps its items as signed: a later version of the
// template does not change what a business promised.

import type { Bilingual } from "../licensing/taxonomy.js";

export interface CommitmentItem {
  code: string;
  text: Bilingual;
}

export interface CommitmentTemplate {
  code: string;
  version: string;
  title: Bilingual;
  items: readonly CommitmentItem[];
}

const item = (code: string, zh: string, en: string): CommitmentItem => ({ code, text: { zh, en } });

export const XIANGSHAN_2023: CommitmentTemplate = {
  code: "xiangshan-2023",
  version: "2023.1",
  title: { zh: "食品安全承诺书", en: "Food safety commitment letter" },
  items: [
    item("obey_laws", "严格遵守法律法规规章", "Strictly obey laws, regulations and rules"),
    item(
      "professional_ethics",
      "严格遵守职业道德和行业规范",
      "Strictly observe professional ethics and industry norms",
    ),
    item(
      "honour_contracts",
      "严格履行合同协议等约定的义务",
      "Strictly honour the duties agreed in contracts",
    ),
    item("lawful_operation", "依法开展生产经营活动", "Produce and trade lawfully"),
    item("qualified_products", "提供合格产品服务", "Provide qualified products and services"),
    item(
      "true_information",
      "提供的信息资料真实准确合法有效",
      "The information provided is true, accurate, lawful and valid",
    ),
    item(
      "safety_conditions",
      "自身能够满足食品安全生产销售条件标准和技术要求",
      "Meet the conditions, standards and technical requirements for producing and selling safe food",
    ),
    item(
      "accept_supervision",
      "同意接受行政社会各方监督",
      "Accept supervision by the authorities and the public",
    ),
    item(
      "accept_penalties",
      "自愿承担不实承诺违反承诺的相关处罚及失信惩戒",
      "Accept the penalties and credit punishment for untrue or broken commitments",
    ),
    item(
      "consent_publication",
      "同意将信用承诺信息纳入主体信用记录进行公示",
      "Consent to the commitment being added to the credit record and published",
    ),
  ],
};

export const COMMITMENT_TEMPLATES: Readonly<Record<string, CommitmentTemplate>> = {
  [XIANGSHAN_2023.code]: XIANGSHAN_2023,
};

export const COMMITMENT_TEMPLATE_CODES: readonly string[] = Object.keys(COMMITMENT_TEMPLATES);

export function findCommitmentTemplate(code: string): CommitmentTemplate | undefined {
  return Object.hasOwn(COMMITMENT_TEMPLATES, code) ? COMMITMENT_TEMPLATES[code] : undefined;
}

/** What a signature covers, the same text on every platform: hash it to prove the letter was not changed. */
export interface SignedLetter {
  storeId: string;
  template: string;
  templateVersion: string;
  items: readonly CommitmentItem[];
  signerName: string;
  signedAt: string;
}

/** One line per field, then one line per item (code, Chinese text): the Chinese wording is what is signed. */
export function canonicalLetterText(letter: SignedLetter): string {
  return [
    `store:${letter.storeId}`,
    `template:${letter.template}@${letter.templateVersion}`,
    `signer:${letter.signerName}`,
    `signed_at:${letter.signedAt}`,
    ...letter.items.map((entry, index) => `${index + 1}.${entry.code}:${entry.text.zh}`),
  ].join("\n");
}
