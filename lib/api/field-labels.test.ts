import { describe, expect, it } from "vitest";
import { fieldLabelOf, labelledFieldMessage } from "./field-labels";

describe("field labels", () => {
  it("names API fields as the forms label them", () => {
    expect(fieldLabelOf("surfaceIds")).toBe("Protect surfaces");
    expect(fieldLabelOf("body.scheduledAt")).toBe("Date and time");
    expect(fieldLabelOf("operations.1.flow.ports")).toBe("Flow operation 2, Ports");
    expect(fieldLabelOf("carry.0.toMeetingId")).toBe("Undecided item 1, Meeting to carry it to");
  });

  it("puts an unlisted field's own name in words", () => {
    expect(fieldLabelOf("environment")).toBe("Environment");
    expect(fieldLabelOf("classificationOverride")).toBe("Classification override");
    expect(fieldLabelOf("reviewerId")).toBe("Reviewer");
  });

  it("joins a predicate to the label and sets any other reason after a colon", () => {
    expect(labelledFieldMessage("title", "must be at least 3 characters")).toBe("Title must be at least 3 characters");
    expect(labelledFieldMessage("surfaceIds", "pick at least one protect surface")).toBe(
      "Protect surfaces: pick at least one protect surface",
    );
    expect(labelledFieldMessage("name", "Invalid input: expected string, received undefined")).toBe("Name is required");
    expect(labelledFieldMessage("name", "Name is taken")).toBe("Name is taken");
  });
});
