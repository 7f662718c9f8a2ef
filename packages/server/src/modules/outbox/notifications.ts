import type { Queryable } from "../../db/client.js";
import { enqueue } from "./repository.js";

interface IssuedLicense {
  licenseId: string;
  number: string;
  version: number;
  regionCode: string;
  businessId: string;
  holderName: string;
  /** The business's phone as stored: sealed (bound to the business id) and masked; never in clear here. */
  phoneSealed: string | null;
  phoneMasked: string | null;
  reason: string;
}

const REASON_TEXT: Record<string, string> = {
  new: "核发",
  change: "变更",
  renewal: "延续",
  reissue: "补办",
  import: "电子化转换",
};

/**
 * 三即时 (seed 003): at issuance, in the issuing transaction, an SMS to the applicant's agent, a message to the
 * business's portal inbox and a posting on the public notice list. Delivered by the outbox worker.
 */
export async function queueIssuanceNotices(tx: Queryable, issued: IssuedLicense) {
  const action = REASON_TEXT[issued.reason] ?? "签发";
  const text = `【食安】${issued.holderName}的食品许可证（${issued.number}）已${action}，电子证书可在经营者门户下载。`;
  const key = `issue:${issued.licenseId}:${issued.version}`;
  if (issued.phoneSealed) {
    // — step 8: personal data at rest — the outbox keeps the sealed phone; the SMS adapter opens it to send.
    await enqueue(tx, {
      channel: "sms",
      dedupeKey: `${key}:sms`,
      payload: {
        toSealed: issued.phoneSealed,
        toMasked: issued.phoneMasked,
        businessId: issued.businessId,
        text,
      },
    });
  }
  await enqueue(tx, {
    channel: "inbox",
    dedupeKey: `${key}:inbox`,
    payload: { businessId: issued.businessId, title: `许可证已${action}`, body: text },
  });
  await enqueue(tx, {
    channel: "public_notice",
    dedupeKey: `${key}:notice`,
    payload: {
      kind: `license_${issued.reason}`,
      regionCode: issued.regionCode,
      licenseNumber: issued.number,
      title: `${issued.holderName} 食品许可证${action}公告`,
      body: `许可证编号 ${issued.number}，第 ${issued.version} 版，${action}。`,
    },
  });
}
