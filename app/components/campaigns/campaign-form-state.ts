import type { CampaignFormState } from "../../domain/campaigns";

/** What was posted, to show the form again with its errors (checkboxes are ticked when present). */
export function formStateOf(form: FormData): CampaignFormState {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const ticked = (name: string) => form.has(name) && text(name) !== "";
  return {
    name: text("name"),
    objective: text("objective"),
    status: text("status"),
    startsOn: text("startsOn"),
    endsOn: text("endsOn"),
    budget: text("budget"),
    brief: text("brief"),
    discountType: text("discountType"),
    discountValue: text("discountValue"),
    minimumOrder: text("minimumOrder"),
    oncePerCustomer: ticked("oncePerCustomer"),
    usageLimit: text("usageLimit"),
    combinesWithOrder: ticked("combinesWithOrder"),
    combinesWithProduct: ticked("combinesWithProduct"),
    combinesWithShipping: ticked("combinesWithShipping"),
    compensationType: text("compensationType"),
  };
}
