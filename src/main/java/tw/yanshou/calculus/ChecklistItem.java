package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One item of a milestone's checklist (審查表, 檢驗項目), as the specification states it: a measure with its nominal
 * value and tolerance ({@code 600 ± 10 mm}) or its limits ({@code min}, {@code max}), a pass/fail check, or a choice
 * among allowed values. A measure may be an <em>assembly</em> of other items of the same checklist, each counted
 * ({@code overall width = main + 2 × B + 2 × C}); {@link ToleranceStack} checks that the parts can fit it.
 *
 * @param id       unique within the milestone's checklist; inspection results name it
 * @param name     e.g. 主櫃寬度; may be null
 * @param kind     what is checked
 * @param nominal  MEASURE: the nominal value; may be null when {@code min} or {@code max} are given
 * @param tolerance MEASURE: ± around {@code nominal}; null when limits are given
 * @param min      MEASURE: the least value allowed; may be null
 * @param max      MEASURE: the greatest value allowed; may be null
 * @param unit     MEASURE: the unit, e.g. {@code mm}
 * @param allowed  CHOICE: the values that pass
 * @param spec     the specification's reference, e.g. {@code 規範 3.2.1}; may be null
 * @param parts    MEASURE: the items this one is the sum of, each with its count; empty if none
 */
public record ChecklistItem(String id, String name, Kind kind, BigDecimal nominal, BigDecimal tolerance, BigDecimal min,
                            BigDecimal max, String unit, List<String> allowed, String spec, List<Part> parts) {

    /** What an item checks. */
    public enum Kind { MEASURE, PASS_FAIL, CHOICE }

    /** A part of an assembly: another item of the checklist, {@code count} times. */
    public record Part(String item, int count) {
        public Part {
            Objects.requireNonNull(item, "item");
        }
    }

    public ChecklistItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A measure {@code nominal ± tolerance}. */
    public static ChecklistItem measure(String id, String name, String nominal, String tolerance, String unit,
                                        Part... parts) {
        return new ChecklistItem(id, name, Kind.MEASURE, new BigDecimal(nominal), new BigDecimal(tolerance), null, null,
                unit, null, null, List.of(parts));
    }

    /** The least value that passes, or null if there is no lower limit (MEASURE only). */
    public BigDecimal lower() {
        if (tolerance != null && nominal != null) return nominal.subtract(tolerance);
        return min;
    }

    /** The greatest value that passes, or null if there is no upper limit (MEASURE only). */
    public BigDecimal upper() {
        if (tolerance != null && nominal != null) return nominal.add(tolerance);
        return max;
    }

    /** Whether this item is the sum of other items. */
    public boolean isAssembly() { return !parts.isEmpty(); }

    /** How the requirement reads: {@code 600 ± 10 mm}, {@code 10 – 20 mm}, {@code ≥ 5 kg}, {@code PASS}, {@code 白 | 灰}. */
    public String requirement() {
        return switch (kind) {
            case PASS_FAIL -> "PASS";
            case CHOICE -> String.join(" | ", allowed);
            case MEASURE -> {
                String u = unit == null ? "" : " " + unit;
                if (tolerance != null) yield plain(nominal) + " ± " + plain(tolerance) + u;
                if (min != null && max != null) yield plain(min) + " – " + plain(max) + u;
                if (min != null) yield "≥ " + plain(min) + u;
                yield "≤ " + plain(max) + u;
            }
        };
    }

    static String plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
