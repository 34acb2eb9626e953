import { describe, expect, test } from "vitest";
import type { CustomerOrderClass } from "./classify-customer-order";
import { AttributionInputError } from "./errors";
import {
  mergeRollupDeltas,
  orderRollupContributions,
  refundDelta,
  rollupDelta,
  type OrderRollupState,
  type RollupDelta,
} from "./rollup-delta";
import type { TouchKind } from "./types";

const DAY = "2024-06-15";
const LATER = "2024-07-02";

const acquiredByAnna: CustomerOrderClass = { customerType: "new", cohort: "acquired", cohortCreatorId: "anna", cohortCampaignId: "summer" };
const newUncredited: CustomerOrderClass = { customerType: "new", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
const returning: CustomerOrderClass = { customerType: "returning", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
const repeatOfAnna: CustomerOrderClass = { customerType: "returning", cohort: "repeat", cohortCreatorId: "anna", cohortCampaignId: "summer" };
const guest: CustomerOrderClass = { customerType: "unknown", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };

const credit = (creatorId: string, campaignId: string | null, ppm: number, kind: TouchKind = "code") => ({ creatorId, campaignId, ppm, kind });

function state(changes: Partial<OrderRollupState> = {}): OrderRollupState {
  return {
    day: DAY,
    grossMinor: 10000,
    discountsMinor: 1000,
    credits: [credit("anna", "summer", 1_000_000)],
    customer: acquiredByAnna,
    refunds: [],
    ...changes,
  };
}

function row(creatorId: string | null, campaignId: string | null, day: string, metrics: Partial<RollupDelta>): RollupDelta {
  return {
    creatorId,
    campaignId,
    day,
    orders: 0,
    orderCreditPpm: 0,
    codeOrders: 0,
    linkOrders: 0,
    newCustomers: 0,
    grossMinor: 0,
    discountsMinor: 0,
    refundsMinor: 0,
    netMinor: 0,
    repeatOrders: 0,
    repeatNetMinor: 0,
    cogsMinor: 0,
    cogsCoveredMinor: 0,
    ...metrics,
  };
}

describe("orderRollupContributions", () => {
  test.each<[string, OrderRollupState | null, RollupDelta[]]>([
    ["a removed, cancelled or test order contributes nothing", null, []],
    [
      "an order credited by a code, first order of the customer",
      state(),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, newCustomers: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "an order credited through a link (UTM) of a returning customer",
      state({ credits: [credit("anna", "summer", 1_000_000, "utm")], customer: returning }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, linkOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "an uncredited order goes to the shop's baseline row, with its new customer",
      state({ credits: [], customer: newUncredited }),
      [row(null, null, DAY, { orders: 1, orderCreditPpm: 1_000_000, newCustomers: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "three creators' shares: every cent allocated, parts sum to the order",
      state({
        discountsMinor: 1001,
        credits: [credit("anna", "summer", 333_334), credit("bob", "spring", 333_333), credit("cara", "fall", 333_333)],
      }),
      [
        row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 333_334, codeOrders: 1, newCustomers: 1, grossMinor: 3334, discountsMinor: 334, netMinor: 3000 }),
        row("bob", "spring", DAY, { orders: 1, orderCreditPpm: 333_333, codeOrders: 1, grossMinor: 3333, discountsMinor: 334, netMinor: 2999 }),
        row("cara", "fall", DAY, { orders: 1, orderCreditPpm: 333_333, codeOrders: 1, grossMinor: 3333, discountsMinor: 333, netMinor: 3000 }),
      ],
    ],
    [
      "a repeat order without a code: sales in the baseline, repeat metrics in Anna's cohort",
      state({ credits: [], customer: repeatOfAnna }),
      [
        row(null, null, DAY, { orders: 1, orderCreditPpm: 1_000_000, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
        row("anna", "summer", DAY, { repeatOrders: 1, repeatNetMinor: 9000 }),
      ],
    ],
    [
      "a repeat order with Bob's code: Bob gets the sale, Anna's cohort the repeat",
      state({ credits: [credit("bob", "spring", 1_000_000)], customer: repeatOfAnna }),
      [
        row("anna", "summer", DAY, { repeatOrders: 1, repeatNetMinor: 9000 }),
        row("bob", "spring", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
      ],
    ],
    [
      "a refund lands on the refund's own day and reduces net sales there",
      state({ customer: returning, refunds: [{ shopifyRefundId: "r1", day: LATER, amountMinor: 2500 }] }),
      [
        row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
        row("anna", "summer", LATER, { refundsMinor: 2500, netMinor: -2500 }),
      ],
    ],
    [
      "a refund of a repeat order also reduces the cohort's repeat net sales",
      state({ credits: [], customer: repeatOfAnna, refunds: [{ shopifyRefundId: "r1", day: LATER, amountMinor: 2500 }] }),
      [
        row(null, null, DAY, { orders: 1, orderCreditPpm: 1_000_000, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
        row("anna", "summer", DAY, { repeatOrders: 1, repeatNetMinor: 9000 }),
        row(null, null, LATER, { refundsMinor: 2500, netMinor: -2500 }),
        row("anna", "summer", LATER, { repeatNetMinor: -2500 }),
      ],
    ],
    [
      "a refund with an odd cent split between two creators",
      state({
        credits: [credit("anna", "summer", 500_000), credit("bob", "spring", 500_000, "click")],
        customer: returning,
        refunds: [{ shopifyRefundId: "r1", day: LATER, amountMinor: 2501 }],
      }),
      [
        row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 500_000, codeOrders: 1, grossMinor: 5000, discountsMinor: 500, netMinor: 4500 }),
        row("bob", "spring", DAY, { orders: 1, orderCreditPpm: 500_000, linkOrders: 1, grossMinor: 5000, discountsMinor: 500, netMinor: 4500 }),
        row("anna", "summer", LATER, { refundsMinor: 1251, netMinor: -1251 }),
        row("bob", "spring", LATER, { refundsMinor: 1250, netMinor: -1250 }),
      ],
    ],
    [
      "two refunds on the same day add up",
      state({
        customer: returning,
        refunds: [
          { shopifyRefundId: "r1", day: LATER, amountMinor: 1000 },
          { shopifyRefundId: "r2", day: LATER, amountMinor: 500 },
        ],
      }),
      [
        row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
        row("anna", "summer", LATER, { refundsMinor: 1500, netMinor: -1500 }),
      ],
    ],
    [
      "a same-day refund nets out on the order's day",
      state({ customer: returning, refunds: [{ shopifyRefundId: "r1", day: DAY, amountMinor: 9000 }] }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, refundsMinor: 9000, netMinor: 0 })],
    ],
    [
      "a guest checkout counts no new customer",
      state({ customer: guest }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "a free order still counts as an order",
      state({ grossMinor: 0, discountsMinor: 0, customer: returning }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1 })],
    ],
    [
      "a fully discounted order has zero net sales",
      state({ grossMinor: 5000, discountsMinor: 5000, customer: returning }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 5000, discountsMinor: 5000 })],
    ],
    [
      "assists (0 ppm) get no row",
      state({ credits: [credit("anna", "summer", 1_000_000), credit("bob", "spring", 0, "utm")], customer: returning }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "a creator without campaign has its own row",
      state({ credits: [credit("anna", null, 1_000_000, "click")], customer: returning }),
      [row("anna", null, DAY, { orders: 1, orderCreditPpm: 1_000_000, linkOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "a manual reassignment counts the order but neither as a code nor as a link order",
      state({ credits: [{ creatorId: "anna", campaignId: "summer", ppm: 1_000_000, kind: "manual" }], customer: returning }),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    [
      "cost of goods follows the credit: 2501 split 60/40 with the odd cent to the larger share",
      state({
        cogsMinor: 2501,
        cogsCoveredMinor: 7001,
        credits: [credit("anna", "summer", 600_000), credit("bob", "spring", 400_000, "utm")],
        customer: returning,
      }),
      [
        row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 600_000, codeOrders: 1, grossMinor: 6000, discountsMinor: 600, netMinor: 5400, cogsMinor: 1501, cogsCoveredMinor: 4201 }),
        row("bob", "spring", DAY, { orders: 1, orderCreditPpm: 400_000, linkOrders: 1, grossMinor: 4000, discountsMinor: 400, netMinor: 3600, cogsMinor: 1000, cogsCoveredMinor: 2800 }),
      ],
    ],
    [
      "an uncredited order's baseline row takes the whole order's credit and cost of goods",
      state({ credits: [], customer: returning, cogsMinor: 3000, cogsCoveredMinor: 9000 }),
      [row(null, null, DAY, { orders: 1, orderCreditPpm: 1_000_000, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000, cogsMinor: 3000, cogsCoveredMinor: 9000 })],
    ],
  ])("%s", (_label, input, expected) => {
    expect(orderRollupContributions(input)).toEqual(expected);
  });

  test.each<[string, Partial<OrderRollupState>]>([
    ["credits summing to less than one", { credits: [credit("anna", "summer", 999_999)] }],
    ["credits summing to more than one", { credits: [credit("anna", "summer", 600_000), credit("bob", null, 600_000)] }],
    ["a negative share", { credits: [credit("anna", "summer", 1_000_001), credit("bob", null, -1)] }],
    ["a fractional share", { credits: [credit("anna", "summer", 500_000.5), credit("bob", null, 499_999.5)] }],
    ["the same creator twice", { credits: [credit("anna", "summer", 500_000), credit("anna", "spring", 500_000)] }],
    ["a malformed day", { day: "15/06/2024" }],
    ["an impossible refund day", { refunds: [{ shopifyRefundId: "r1", day: "2024-02-30", amountMinor: 1 }] }],
    ["the same refund twice", { refunds: [{ shopifyRefundId: "r1", day: LATER, amountMinor: 1 }, { shopifyRefundId: "r1", day: LATER, amountMinor: 1 }] }],
    ["a cohort without its creator", { customer: { customerType: "returning", cohort: "repeat", cohortCreatorId: null, cohortCampaignId: null } }],
  ])("rejects %s", (_label, changes) => {
    expect(() => orderRollupContributions(state(changes))).toThrow(AttributionInputError);
  });

  test.each<[string, Partial<OrderRollupState>]>([
    ["a fractional cost of goods", { cogsMinor: 10.5 }],
    ["a fractional covered amount", { cogsCoveredMinor: 0.25 }],
  ])("rejects %s", (_label, changes) => {
    expect(() => orderRollupContributions(state(changes))).toThrow(/safe integer/);
  });

  test("rejects a fractional amount", () => {
    expect(() => orderRollupContributions(state({ grossMinor: 100.5 }))).toThrow(/safe integer/);
  });
});

describe("rollupDelta", () => {
  const withRefund = state({ customer: returning, refunds: [{ shopifyRefundId: "r1", day: LATER, amountMinor: 2500 }] });

  test.each<[string, OrderRollupState | null, OrderRollupState | null, RollupDelta[]]>([
    ["nothing to nothing", null, null, []],
    [
      "first sight of an order adds its contribution",
      null,
      state(),
      [row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, newCustomers: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 })],
    ],
    ["a duplicate update changes nothing", state(), state(), []],
    [
      "a cancellation removes the order and its refunds",
      withRefund,
      null,
      [
        row("anna", "summer", DAY, { orders: -1, orderCreditPpm: -1_000_000, codeOrders: -1, grossMinor: -10000, discountsMinor: -1000, netMinor: -9000 }),
        row("anna", "summer", LATER, { refundsMinor: -2500, netMinor: 2500 }),
      ],
    ],
    [
      "credit moves from Anna to Bob (a staff override or a late code match)",
      state({ customer: returning }),
      state({ customer: returning, credits: [credit("bob", "spring", 1_000_000, "utm")] }),
      [
        row("anna", "summer", DAY, { orders: -1, orderCreditPpm: -1_000_000, codeOrders: -1, grossMinor: -10000, discountsMinor: -1000, netMinor: -9000 }),
        row("bob", "spring", DAY, { orders: 1, orderCreditPpm: 1_000_000, linkOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
      ],
    ],
    [
      "an order edit lowering gross changes only the money",
      state(),
      state({ grossMinor: 8000 }),
      [row("anna", "summer", DAY, { grossMinor: -2000, netMinor: -2000 })],
    ],
    [
      "a processed_at edit moves the order to another day",
      state({ customer: returning }),
      state({ customer: returning, day: "2024-06-16" }),
      [
        row("anna", "summer", DAY, { orders: -1, orderCreditPpm: -1_000_000, codeOrders: -1, grossMinor: -10000, discountsMinor: -1000, netMinor: -9000 }),
        row("anna", "summer", "2024-06-16", { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
      ],
    ],
    [
      "backfilled history turns a 'new' customer into a returning one",
      state(),
      state({ customer: returning }),
      [row("anna", "summer", DAY, { newCustomers: -1 })],
    ],
  ])("%s", (_label, previous, next, expected) => {
    expect(rollupDelta(previous, next)).toEqual(expected);
  });

  test("deltas of any sequence of stored states add up to the rollup of the last one", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const creditSets = [
      [],
      [credit("anna", "summer", 1_000_000)],
      [credit("bob", "spring", 1_000_000, "click")],
      [credit("anna", "summer", 333_334), credit("bob", "spring", 333_333), credit("cara", null, 333_333)],
      [credit("anna", "summer", 400_000, "click"), credit("cara", null, 600_000, "utm")],
    ];
    const customers = [acquiredByAnna, newUncredited, returning, repeatOfAnna, guest];
    const randomState = (): OrderRollupState | null =>
      random() < 0.2
        ? null
        : state({
            day: pick(["2024-06-14", DAY, "2024-06-16"]),
            grossMinor: Math.floor(random() * 100_000),
            discountsMinor: Math.floor(random() * 5_000),
            credits: pick(creditSets),
            customer: pick(customers),
            refunds: random() < 0.5 ? [] : [{ shopifyRefundId: "r1", day: pick([DAY, LATER]), amountMinor: Math.floor(random() * 9_999) }],
          });

    for (let run = 0; run < 50; run += 1) {
      const states = Array.from({ length: 12 }, randomState);
      let stored: OrderRollupState | null = null;
      const applied: RollupDelta[][] = [];
      for (const next of states) {
        applied.push(rollupDelta(stored, next));
        stored = next;
      }
      expect(mergeRollupDeltas(...applied)).toEqual(orderRollupContributions(stored));
    }
  });

  test("out-of-order and duplicate webhooks: skipping stale updates by updated_at yields the final state's rollup", () => {
    const versions = [
      { updatedAt: "2024-06-15T10:00:00Z", state: state({ grossMinor: 10000 }) },
      { updatedAt: "2024-06-15T11:00:00Z", state: state({ grossMinor: 9000, credits: [credit("bob", "spring", 1_000_000)] }) },
      { updatedAt: "2024-06-15T12:00:00Z", state: null },
      { updatedAt: "2024-06-15T13:00:00Z", state: state({ grossMinor: 7000 }) },
    ] as const;
    const arrivals = [versions[0], versions[2], versions[1], versions[3], versions[3], versions[0]];

    let stored: { updatedAt: string; state: OrderRollupState | null } | null = null;
    const applied: RollupDelta[][] = [];
    for (const update of arrivals) {
      if (stored && Date.parse(update.updatedAt) <= Date.parse(stored.updatedAt)) continue;
      applied.push(rollupDelta(stored?.state ?? null, update.state));
      stored = update;
    }
    expect(mergeRollupDeltas(...applied)).toEqual([
      row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, newCustomers: 1, grossMinor: 7000, discountsMinor: 1000, netMinor: 6000 }),
    ]);
  });
});

describe("refundDelta", () => {
  const base = state({ customer: returning });
  const refund = { shopifyRefundId: "r1", day: LATER, amountMinor: 2500 };

  test("a refund reduces net sales on its own day and is recorded in the next state", () => {
    const { deltas, next } = refundDelta(base, refund);
    expect(deltas).toEqual([row("anna", "summer", LATER, { refundsMinor: 2500, netMinor: -2500 })]);
    expect(next?.refunds).toEqual([refund]);
  });

  test("the same refund delivered twice changes nothing the second time", () => {
    const { next } = refundDelta(base, refund);
    expect(refundDelta(next, refund).deltas).toEqual([]);
  });

  test("a corrected amount replaces the refund", () => {
    const { next } = refundDelta(base, refund);
    expect(refundDelta(next, { ...refund, amountMinor: 3000 }).deltas).toEqual([
      row("anna", "summer", LATER, { refundsMinor: 500, netMinor: -500 }),
    ]);
  });

  test("a refund before its order has nothing to change; it counts once the order arrives with it", () => {
    expect(refundDelta(null, refund)).toEqual({ deltas: [], next: null });
    expect(rollupDelta(null, state({ customer: returning, refunds: [refund] }))).toEqual([
      row("anna", "summer", DAY, { orders: 1, orderCreditPpm: 1_000_000, codeOrders: 1, grossMinor: 10000, discountsMinor: 1000, netMinor: 9000 }),
      row("anna", "summer", LATER, { refundsMinor: 2500, netMinor: -2500 }),
    ]);
  });

  test("a refund of an uncredited order lands in the baseline row", () => {
    expect(refundDelta(state({ credits: [], customer: returning }), refund).deltas).toEqual([
      row(null, null, LATER, { refundsMinor: 2500, netMinor: -2500 }),
    ]);
  });
});
