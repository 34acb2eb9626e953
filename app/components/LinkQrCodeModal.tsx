import { Banner, BlockStack, Button, InlineStack, Modal, Spinner, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n-context";
import { qrCodeUrl, RequestFailedError } from "./campaign-creators-api";

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new RequestFailedError(response.status);
  return response.blob();
}

/** Downloads through fetch (which carries the admin session token) rather than a plain link (which would not). */
async function download(url: string, filename: string): Promise<void> {
  const objectUrl = URL.createObjectURL(await fetchBlob(url));
  const anchor = document.createElement("a");
  anchor.href = objectUrl;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** The QR code of a creator's short link, with SVG and PNG downloads. */
export function LinkQrCodeModal({
  link,
  handle,
  onClose,
}: {
  link: { id: string; slug: string; shortUrl: string };
  handle: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetchBlob(qrCodeUrl(link.id, "svg"))
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setImage(objectUrl);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [link.id]);
  const save = (format: "svg" | "png") =>
    download(qrCodeUrl(link.id, format), `creator-link-${link.slug}.${format}`).catch(() => setFailed(true));
  return (
    <Modal open onClose={onClose} title={t("codes.qr.title", { handle })}>
      <Modal.Section>
        <BlockStack gap="300" inlineAlign="center">
          {failed && <Banner tone="critical">{t("codes.qr.loadError")}</Banner>}
          {image ? (
            <img src={image} alt={t("codes.qr.alt", { url: link.shortUrl })} width={240} height={240} />
          ) : (
            !failed && <Spinner accessibilityLabel={t("codes.section.loading")} />
          )}
          <Text as="p" tone="subdued" breakWord>
            {link.shortUrl}
          </Text>
          <InlineStack gap="200">
            <Button onClick={() => save("svg")}>{t("codes.qr.downloadSvg")}</Button>
            <Button onClick={() => save("png")}>{t("codes.qr.downloadPng")}</Button>
          </InlineStack>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
