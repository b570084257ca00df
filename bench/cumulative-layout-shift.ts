// CLS as Chrome counts it (web.dev/articles/evolving-cls): layout shifts without recent input are
// grouped in session windows (each shift less than 1 s after the previous one, a window at most
// 5 s long); the page's CLS is the largest window's sum, so a long-lived page is not punished for
// small shifts spread over minutes.

/** The largest session window's sum of the shifts (startTime in ms, value as the entry has them). */
export function cumulativeLayoutShift(shifts: readonly { startTime: number; value: number }[]): number {
  let largest = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous >= 1000 || shift.startTime - windowStart >= 5000) {
      current = 0;
      windowStart = shift.startTime;
    }
    current += shift.value;
    previous = shift.startTime;
    largest = Math.max(largest, current);
  }
  return largest;
}
