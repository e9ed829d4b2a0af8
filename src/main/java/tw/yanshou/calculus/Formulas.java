package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tw.yanshou.calculus.Statement.Line;

/**
 * The court's notation (docs/calculus.md, section 10): the lines with the same basis and rate form one formula, in
 * the order each group first appears. Every formula is arithmetically true as printed, and the penalty is the sum
 * of the formulas' amounts ({@link #total}).
 * <ul>
 *   <li>{@link Rounding#FORMULA}: {@code 10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400}, the product computed exactly
 *       and rounded half up once;</li>
 *   <li>{@link Rounding#DAY}: {@code 2,223,000 × 1.5‰ = 3,335; 3,335 × 14 = 46,690}, the daily amount rounded half
 *       up first, then multiplied by the days.</li>
 * </ul>
 */
public final class Formulas {
    private Formulas() { }

    /** One formula: the lines of one basis and rate, and its amount (whole TWD). */
    record Formula(BigDecimal basis, BigDecimal ratePerMille, List<Line> lines, BigDecimal amount, String text) { }

    /** The formulas of {@code lines} as the court writes them ({@link Rounding#FORMULA}). */
    public static List<String> of(List<Line> lines) {
        return of(lines, Rounding.FORMULA);
    }

    /** The formulas of {@code lines} under {@code rounding}. */
    public static List<String> of(List<Line> lines, Rounding rounding) {
        return texts(formulas(lines, rounding));
    }

    /** The sum of the formulas' amounts: the penalty of {@code lines} before the cap. */
    public static BigDecimal total(List<Line> lines, Rounding rounding) {
        return total(formulas(lines, rounding));
    }

    static BigDecimal total(List<Formula> formulas) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Formula f : formulas) sum = sum.add(f.amount());
        return sum;
    }

    static List<String> texts(List<Formula> formulas) {
        return formulas.stream().map(Formula::text).toList();
    }

    static List<Formula> formulas(List<Line> lines, Rounding rounding) {
        record Key(BigDecimal basis, BigDecimal rate) { }
        Map<Key, List<Line>> groups = new LinkedHashMap<>();
        for (Line line : lines) {
            Key key = new Key(line.basisAmount().stripTrailingZeros(), line.ratePerMille().stripTrailingZeros());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        List<Formula> formulas = new ArrayList<>();
        for (Map.Entry<Key, List<Line>> group : groups.entrySet()) {
            List<Line> members = group.getValue();
            BigDecimal basis = members.get(0).basisAmount(), rate = members.get(0).ratePerMille();
            long totalDays = members.stream().mapToLong(Line::days).sum();
            String days = members.size() == 1 ? String.valueOf(members.get(0).days())
                    : members.stream().map(l -> String.valueOf(l.days())).collect(Collectors.joining(" + ", "(", ")"));
            String product = Amounts.grouped(basis) + " × " + Amounts.plain(rate) + "‰";
            BigDecimal perDay = PenaltyLines.dayAmount(basis, rate, rounding);
            BigDecimal amount = Amounts.whole(perDay.multiply(BigDecimal.valueOf(totalDays)));
            String text = rounding == Rounding.DAY
                    ? product + " = " + Amounts.grouped(perDay) + "; " + Amounts.grouped(perDay) + " × " + days + " = " + Amounts.grouped(amount)
                    : product + " × " + days + " = " + Amounts.grouped(amount);
            formulas.add(new Formula(basis, rate, List.copyOf(members), amount, text));
        }
        return formulas;
    }
}
