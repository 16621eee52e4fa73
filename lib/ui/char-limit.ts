/** What a length-limited field says of its length: the visible "n / max" and the words a screen reader hears. */
export function charLimitStatus(length: number, max: number): { visible: string; spoken: string; over: boolean } {
  const left = max - length;
  const over = left < 0;
  // Announced only near the limit and past it: a message on every keystroke would drown the typing.
  const spoken = over
    ? `${-left} ${-left === 1 ? "character" : "characters"} over the limit of ${max}`
    : left <= Math.max(10, Math.floor(max * 0.1))
      ? `${left} ${left === 1 ? "character" : "characters"} left`
      : "";
  return { visible: `${length} / ${max}`, spoken, over };
}
