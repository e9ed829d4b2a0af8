package tw.yanshou.calculus;

/**
 * Where the penalty is rounded to whole TWD (half up). Either way every amount is computed exactly and rounded
 * once, at the step the contract or the court rounds.
 */
public enum Rounding {
    /**
     * As the court: the lines with the same basis and rate form one formula, {@code basis × rate‰ × (d1 + d2 …)},
     * computed exactly and rounded once; the penalty is the sum of the formulas. A line's amount is its exact share.
     */
    FORMULA,
    /**
     * Many agencies' practice (每日違約金元以下四捨五入): the daily amount basis × rate ÷ 1000 is rounded first, then
     * multiplied by the days.
     */
    DAY
}
