import QRCode from "qrcode";
import { getShop } from "../models/shop.server";
import { requireTrackedLink } from "../models/tracked-link.server";
import { shortLinkUrl, storefrontDomain } from "./link-urls.server";

export type QrFormat = "svg" | "png";

export type QrCodeFile = { body: string | Uint8Array<ArrayBuffer>; contentType: string; filename: string };

/**
 * A printable QR code of a tracked link's short URL (so scans are counted as clicks), as SVG or a 1024 px PNG.
 * Error correction M survives a small logo or a worn print. Another shop's link is a 404.
 */
export async function renderLinkQrCode(shop: string, linkId: string, format: QrFormat): Promise<QrCodeFile> {
  const link = await requireTrackedLink(shop, linkId);
  const shopRow = await getShop(shop);
  const url = shortLinkUrl(storefrontDomain(shop, shopRow?.primaryDomain), link.slug);
  const filename = `creator-link-${link.slug}.${format}`;
  if (format === "svg") {
    const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { body: svg, contentType: "image/svg+xml; charset=utf-8", filename };
  }
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 1024 });
  const body = new Uint8Array(png.byteLength);
  body.set(png);
  return { body, contentType: "image/png", filename };
}
