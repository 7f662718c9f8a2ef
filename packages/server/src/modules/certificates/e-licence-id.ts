import { eLicenceIdOf, looksLikeELicenceId, parseELicenceId } from "@shian/domain";
import { AppError } from "../../http/errors.js";

/**
 * 电子证照标识 (GB/T 36904-2018) of a signed certificate, derived at render time from what the payload already
 * states (licence number, issuing region) and the certificate's version: no column, and the signed payload is
 * unchanged, so certificates issued before the identifier existed verify as before (docs/e-licence-identifier.md).
 */
export function eLicenceIdOfCertificate(certificate: {
  payload: string;
  licenseNumber: string;
  licenseVersion: number;
}): string {
  const { issuerRegion } = JSON.parse(certificate.payload) as { issuerRegion: string };
  return eLicenceIdOf({
    licenseNo: certificate.licenseNumber,
    version: certificate.licenseVersion,
    issuerRegion,
  });
}

/**
 * A verification key: a licence number as it is, or an identifier parsed to its licence number and version.
 * An identifier that fails its layout or MOD 37,36 check is a 400 naming it, never a silent "not found".
 */
export function resolveLicenceKey(key: string): {
  licenseNo: string;
  version?: number;
  issuerRegion?: string;
} {
  if (!looksLikeELicenceId(key)) return { licenseNo: key };
  const parsed = parseELicenceId(key);
  if (!parsed.valid) {
    throw new AppError("e_licence_id_invalid", {
      "zh-CN": `电子证照标识 ${key} 无效（${REASONS_ZH[parsed.reason]}），请核对后重新输入`,
      en: `The e-licence identifier ${key} is not valid (${REASONS_EN[parsed.reason]}); check it and try again`,
    });
  }
  return { licenseNo: parsed.licenseNo, version: parsed.version, issuerRegion: parsed.issuerCode };
}

const REASONS_ZH = {
  format: "格式不符合 GB/T 36904",
  check_character: "校验位不符，可能有字符输错",
  type_code: "证照类型代码不是食品经营或食品生产许可证",
} as const;

const REASONS_EN = {
  format: "not in the GB/T 36904 layout",
  check_character: "the check character does not match: a character was probably mistyped",
  type_code: "the type code is not a food business or food production licence",
} as const;
