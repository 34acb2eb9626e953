import { useLocation, useNavigation } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, SkeletonBodyText, SkeletonDisplayText } from "@shopify/polaris";

/** True while the page reloads its own data (another period, sort, filter or page). */
export function useReloading(): boolean {
  const navigation = useNavigation();
  const location = useLocation();
  return navigation.state === "loading" && navigation.location?.pathname === location.pathname;
}

/** Placeholder cards shown while the figures of a new period load. */
export function AnalyticsSkeleton({ cards = 8 }: { cards?: number }) {
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        {Array.from({ length: cards }, (_, i) => (
          <Card key={i}>
            <BlockStack gap="200">
              <SkeletonBodyText lines={1} />
              <SkeletonDisplayText size="medium" />
            </BlockStack>
          </Card>
        ))}
      </InlineGrid>
      <Card>
        <SkeletonBodyText lines={8} />
      </Card>
    </BlockStack>
  );
}
