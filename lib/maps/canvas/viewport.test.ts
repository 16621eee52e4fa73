import { describe, expect, it } from "vitest";
import { fitViewOptionsFor, viewportRevealing } from "./viewport";

const pane = { width: 800, height: 600 };
const node = { x: 100, y: 100, width: 184, height: 60 };

describe("keeping an element in view", () => {
  it("leaves the view alone when the element is inside it, margin included", () => {
    expect(viewportRevealing(node, { x: 0, y: 0, zoom: 1 }, pane)).toBeNull();
  });

  it("moves just enough to bring an element past the right edge back in, at the same zoom", () => {
    // At zoom 2 the node spans 200–568 across; the pane now ends at 500, so it moves 568 − (500 − 32) = 100 left.
    expect(viewportRevealing(node, { x: 0, y: 0, zoom: 2 }, { width: 500, height: 600 })).toEqual({ x: -100, y: 0, zoom: 2 });
  });

  it("brings an element above or left of the view down and right to the margin", () => {
    expect(viewportRevealing(node, { x: -200, y: -150, zoom: 1 }, pane)).toEqual({ x: -68, y: -68, zoom: 1 });
  });

  it("centres an element larger than the pane on the axis where it does not fit", () => {
    const wide = { x: 0, y: 100, width: 2000, height: 60 };
    expect(viewportRevealing(wide, { x: 0, y: 0, zoom: 1 }, pane)).toEqual({ x: 400 - 1000, y: 0, zoom: 1 });
  });
});

describe("fitViewOptionsFor", () => {
  it("leaves room along the foot for the legend and on the right for the overview, only while they are open", () => {
    expect(fitViewOptionsFor(true, true).padding).toEqual({ top: "32px", left: "32px", bottom: "136px", right: "232px" });
    expect(fitViewOptionsFor(false, false).padding).toEqual({ top: "32px", left: "32px", bottom: "48px", right: "48px" });
    expect(parseInt(fitViewOptionsFor(true, false).padding.bottom)).toBeGreaterThan(
      parseInt(fitViewOptionsFor(false, false).padding.bottom),
    );
    expect(parseInt(fitViewOptionsFor(false, true).padding.right)).toBeGreaterThan(parseInt(fitViewOptionsFor(false, false).padding.right));
  });

  it("hands over the same object for the same corners, so the canvas is not told of a change", () => {
    expect(fitViewOptionsFor(true, false)).toBe(fitViewOptionsFor(true, false));
  });
});
