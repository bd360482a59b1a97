import type { Env } from "./env";
import { expose } from "./env";

/** A data-validation rule as the fake stores it: enough to check dropdowns and checkboxes in tests. */
export interface FakeDataValidation {
  criteria: "VALUE_IN_LIST" | "CHECKBOX" | "NUMBER_BETWEEN" | "CUSTOM_FORMULA";
  values: unknown[];
  helpText: string;
  allowInvalid?: boolean;
  showDropdown?: boolean;
}

/** SpreadsheetApp.newDataValidation(): the builder subset the add-on uses. */
export class FakeDataValidationBuilder {
  private rule: FakeDataValidation = {
    criteria: "CUSTOM_FORMULA",
    values: [],
    helpText: "",
    allowInvalid: true,
  };
  constructor(private readonly env: Env) {}
  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error("Exception: The parameters (String[]) don't match the method signature.");
    this.rule = { ...this.rule, criteria: "VALUE_IN_LIST", values: [...values], showDropdown };
    return this;
  }
  requireCheckbox(...values: unknown[]) {
    this.rule = { ...this.rule, criteria: "CHECKBOX", values };
    return this;
  }
  requireNumberBetween(a: number, b: number) {
    this.rule = { ...this.rule, criteria: "NUMBER_BETWEEN", values: [a, b] };
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.rule = { ...this.rule, allowInvalid: allow };
    return this;
  }
  setHelpText(text: string) {
    this.rule = { ...this.rule, helpText: String(text) };
    return this;
  }
  build(): FakeDataValidation {
    return expose(this.env, { ...this.rule, getCriteriaType: () => this.rule.criteria }, "DataValidation");
  }
}
