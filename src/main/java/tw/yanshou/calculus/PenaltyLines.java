package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tw.yanshou.calculus.Statement.Line;

/**
 * Penalty lines (docs/calculus.md, section 5): the late days of every item turned into runs of consecutive days with
 * the same late items and basis, each with its amount as the rounding mode computes it.
 */
final class PenaltyLines {
    private PenaltyLines() { }

    /**
     * The amount of one late day: basis × rate ÷ 1000, exact under {@link Rounding#FORMULA}, rounded half up under
     * {@link Rounding#DAY}.
     */
    static BigDecimal dayAmount(BigDecimal basis, BigDecimal ratePerMille, Rounding rounding) {
        BigDecimal exact = Amounts.perMille(basis, ratePerMille);
        return rounding == Rounding.DAY ? Amounts.whole(exact) : Amounts.exact(exact);
    }

    /**
     * A line from {@code from} to {@code to}: its amount is the day amount × days, an exact share of its formula
     * under {@link Rounding#FORMULA} (it may carry decimals), whole TWD under {@link Rounding#DAY}.
     */
    static Line line(LocalDate from, LocalDate to, List<String> items, BigDecimal basis, BigDecimal ratePerMille,
                     Rounding rounding) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        BigDecimal amount = Amounts.exact(dayAmount(basis, ratePerMille, rounding).multiply(BigDecimal.valueOf(days)));
        return new Line(from, to, days, List.copyOf(items), basis, ratePerMille, amount);
    }

    /**
     * The lines of the given late days.
     *
     * @param lateDaysByItem per item code, the days it is late (an item late for two milestones is listed twice, and
     *                       counted once)
     * @param wholeContract  the basis is the contract total ({@link PenaltyBasis#CONTRACT_TOTAL}), not the late items
     */
    static List<Line> lines(List<Map.Entry<String, DaySet>> lateDaysByItem, AmountSchedule amounts, boolean wholeContract,
                            BigDecimal ratePerMille, Rounding rounding) {
        List<String> itemOrder = amounts.codes();
        List<Map.Entry<String, DaySet>> tracks = new ArrayList<>();
        TreeSet<Long> bounds = new TreeSet<>();
        for (Map.Entry<String, DaySet> e : lateDaysByItem) {
            DaySet s = e.getValue();
            if (s.isEmpty()) continue;
            tracks.add(e);
            for (int i = 0; i < s.rangeCount(); i++) { bounds.add(s.from(i)); bounds.add(s.to(i) + 1); }
        }
        if (tracks.isEmpty()) return List.of();
        for (long change : amounts.changeDays()) if (change > bounds.first() && change < bounds.last()) bounds.add(change);
        List<Line> lines = new ArrayList<>();
        Long[] b = bounds.toArray(new Long[0]);
        LocalDate lineFrom = null, lineTo = null;
        List<String> lineItems = null;
        BigDecimal lineBasis = null;
        for (int i = 0; i + 1 < b.length; i++) {
            long from = b[i], to = b[i + 1] - 1;
            boolean[] late = new boolean[itemOrder.size()];
            boolean any = false;
            for (Map.Entry<String, DaySet> t : tracks) {
                if (t.getValue().contains(from)) { late[itemOrder.indexOf(t.getKey())] = true; any = true; }
            }
            if (!any) continue;
            List<String> items = new ArrayList<>();
            for (int k = 0; k < late.length; k++) if (late[k]) items.add(itemOrder.get(k));
            BigDecimal basis = wholeContract ? amounts.totalOn(from) : amounts.sumOn(items, from);
            LocalDate f = LocalDate.ofEpochDay(from), t = LocalDate.ofEpochDay(to);
            if (lineTo != null && lineTo.plusDays(1).equals(f) && items.equals(lineItems) && basis.compareTo(lineBasis) == 0) {
                lineTo = t;
            } else {
                if (lineFrom != null) lines.add(line(lineFrom, lineTo, lineItems, lineBasis, ratePerMille, rounding));
                lineFrom = f; lineTo = t; lineItems = items; lineBasis = basis;
            }
        }
        if (lineFrom != null) lines.add(line(lineFrom, lineTo, lineItems, lineBasis, ratePerMille, rounding));
        return lines;
    }

    /** Lines cut at {@code through}: the lines before it, and the line running over it recomputed for its days. */
    static List<Line> through(List<Line> lines, LocalDate through, Rounding rounding) {
        List<Line> cut = new ArrayList<>();
        for (Line l : lines) {
            if (l.from().isAfter(through)) break;
            cut.add(l.to().isAfter(through)
                    ? line(l.from(), through, l.lateItems(), l.basisAmount(), l.ratePerMille(), rounding) : l);
        }
        return cut;
    }
}
