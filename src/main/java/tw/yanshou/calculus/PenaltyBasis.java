package tw.yanshou.calculus;

/** What the per-day penalty rate applies to. */
public enum PenaltyBasis {
    /** The prices of the items late on that day, each item once. */
    LATE_ITEMS,
    /** The whole contract price, on every day anything is late. */
    CONTRACT_TOTAL
}
