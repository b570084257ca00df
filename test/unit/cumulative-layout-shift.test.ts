import { describe, expect, it } from "vitest";
import { cumulativeLayoutShift } from "../../bench/cumulative-layout-shift";

// The bench's CLS (npm run bench, the vitals scenario) groups shifts as Chrome does.
describe("cumulativeLayoutShift", () => {
  it.each([
    { given: "no shifts", shifts: [], cls: 0 },
    { given: "one shift", shifts: [{ startTime: 300, value: 0.04 }], cls: 0.04 },
    {
      given: "shifts less than 1 s apart (one window, summed)",
      shifts: [
        { startTime: 300, value: 0.02 },
        { startTime: 1200, value: 0.03 },
        { startTime: 2100, value: 0.01 },
      ],
      cls: 0.06,
    },
    {
      given: "a gap of 1 s or more (two windows, the larger counts)",
      shifts: [
        { startTime: 300, value: 0.02 },
        { startTime: 1300, value: 0.03 },
        { startTime: 1400, value: 0.01 },
      ],
      cls: 0.04,
    },
    {
      given: "a window reaching 5 s (a new one starts)",
      shifts: Array.from({ length: 12 }, (_, i) => ({ startTime: i * 500, value: 0.01 })),
      cls: 0.1,
    },
    {
      given: "entries out of order",
      shifts: [
        { startTime: 1200, value: 0.03 },
        { startTime: 300, value: 0.02 },
      ],
      cls: 0.05,
    },
  ])("GIVEN $given THEN CLS is $cls", ({ shifts, cls }) => {
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(cls, 10);
  });
});
