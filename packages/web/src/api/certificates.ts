// The signed electronic certificate of a licence and the public pages and files made from it.

import { apiRequest } from "./client";

export interface Certificate {
  licenseNo: string;
  version: number;
  status: string;
  /** The signed content: canonical JSON. */
  payload: string;
  /** The payload signed with Ed25519 (JWS compact serialisation; its header names the key). */
  jws: string;
  sm2Kid: string;
  /** The SM2 signature of the payload, DER in hex. */
  sm2Signature: string;
  /** The short signed token the QR code carries. */
  token: string;
  verifyUrl: string;
}

/** The current certificate of a licence the caller may read. */
export function getCertificate(licenseNo: string): Promise<Certificate> {
  return apiRequest("GET", `/certificates/${licenseNo}`);
}

/** The printable A4 certificate, shown inline by the browser (which downloads and prints it). */
export function certificatePdfHref(licenseNo: string): string {
  return `/api/v1/certificates/${licenseNo}/certificate.pdf`;
}

/** The same certificate as an OFD file (GB/T 33190), the format of the national e-licence standards. */
export function certificateOfdHref(licenseNo: string): string {
  return `/api/v1/certificates/${licenseNo}/certificate.ofd`;
}

/** The QR code for the shop door (public). */
export function qrImageHref(licenseNo: string): string {
  return `/api/v1/certificates/${licenseNo}/qr.png`;
}

/** The public verification page a scan of the QR code opens. */
export function verifyHref(token: string): string {
  return `/v/${token}`;
}

/** 亮照亮证: the food licence and the business licence with one QR; `frame` is the self-refreshing e-photo frame. */
export function displayHref(storeId: string, frame = false): string {
  return `/display/${storeId}${frame ? "?frame=1" : ""}`;
}
