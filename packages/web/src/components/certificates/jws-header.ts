/** The protected header of a JWS in compact serialisation: the algorithm and the id of the signing key. */
export function jwsHeader(jws: string): { alg?: string; kid?: string } {
  const [encoded = ""] = jws.split(".");
  // base64url to base64; atob forgives the missing padding.
  return JSON.parse(atob(encoded.replace(/-/g, "+").replace(/_/g, "/"))) as { alg?: string; kid?: string };
}
