package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the inspectors found, item by item of the milestone's checklist, and who they were (驗收紀錄). It travels
 * with the {@code INSPECTION_FAILED} or {@code ACCEPTED} event that records the result, so it is stored, and chained,
 * with the event. The calculus's figures ignore it; {@link Inspections} judges it.
 *
 * @param results    one per item inspected, in the order written
 * @param inspectors the names of the inspectors (驗收人員); may be empty
 */
public record InspectionRecord(List<Result> results, List<String> inspectors) {

    public static final InspectionRecord NONE = new InspectionRecord(List.of(), List.of());

    public InspectionRecord {
        results = results == null ? List.of() : List.copyOf(results);
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    public boolean isEmpty() { return results.isEmpty() && inspectors.isEmpty(); }

    /**
     * One item's result: the measured {@code value} of a MEASURE item, or the {@code verdict} of a PASS_FAIL item
     * ({@code PASS}, {@code FAIL}) or a CHOICE item (the value found). Exactly one of them is given.
     */
    public record Result(String item, BigDecimal value, String verdict) {
        public Result {
            Objects.requireNonNull(item, "item");
            if ((value == null) == (verdict == null))
                throw new IllegalArgumentException("a result has either a value or a verdict");
        }

        public static Result measured(String item, String value) { return new Result(item, new BigDecimal(value), null); }

        public static Result verdict(String item, String verdict) { return new Result(item, null, verdict); }
    }
}
