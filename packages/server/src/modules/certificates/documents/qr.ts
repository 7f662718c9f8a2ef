import QRCode from "qrcode";

// Level M keeps a 350-byte verify URL at version 14 (73×73), which phone cameras read from print;
// margin 4 is the quiet zone the QR standard requires.
const QR_OPTIONS = {
  errorCorrectionLevel: "M",
  margin: 4,
  color: { dark: "#000000ff", light: "#ffffffff" },
} as const;

/** A black-on-white PNG of the QR code; `size` is the width in pixels (default: 4 px per module). */
export function renderQrPng(url: string, options: { size?: number } = {}): Promise<Buffer> {
  const size = options.size === undefined ? { scale: 4 } : { width: options.size };
  return QRCode.toBuffer(url, { ...QR_OPTIONS, ...size, type: "png" });
}

/** The QR code as an SVG document, for HTML pages. */
export function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: "svg" });
}
