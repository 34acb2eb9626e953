import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { ExportButton } from "./ExportButton";

/** A report card: its heading, the CSV export of the same table, and the table or chart itself. */
export function ExportableCard({ title, table, search, children }: { title: string; table: string; search: URLSearchParams; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          <ExportButton table={table} search={search} />
        </InlineStack>
        {children}
      </BlockStack>
    </Card>
  );
}
