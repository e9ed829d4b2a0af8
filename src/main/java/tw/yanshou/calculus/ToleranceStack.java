package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks each assembly of a checklist against its parts (公差累積): an assembly {@code A = Σ countᵢ × Pᵢ} whose parts'
 * tolerances can add up beyond its own, or whose parts' nominal values do not add up to its nominal value, gets a
 * warning naming the items, so that the buyer can fix the specification before the tender.
 *
 * <ul>
 *   <li><b>Nominal</b>: {@code Σ countᵢ × nominalᵢ} must equal the assembly's nominal (600 + 2 × 490 + 2 × 490 = 2560).
 *   <li><b>Worst case</b>: the parts may lie anywhere within their limits, so the sum lies within
 *       {@code [Σ countᵢ × lowerᵢ, Σ countᵢ × upperᵢ]}; it must lie within the assembly's limits. For symmetric
 *       tolerances the sum's tolerance is {@code Σ countᵢ × tolᵢ} (10 + 4 × 20 = ±90 against ±20).
 *   <li><b>Root-sum-square</b>, the statistical figure given beside it: {@code √(Σ countᵢ × tolᵢ²)}
 *       (√(10² + 4 × 20²) = √1700 ≈ ±41.2), each part counted as an independent piece.
 * </ul>
 * A part with limits {@code min}/{@code max} has the tolerance {@code (max − min) / 2} about its middle. An assembly
 * or part without both limits is not checked. Pure and thread-safe.
 */
public final class ToleranceStack {
    private ToleranceStack() { }

    /** A warning: the path of the assembly ({@code milestones[2].checklist[3]}) and a message naming the items. */
    public record Warning(String path, String message) { }

    /** The figures of one assembly. */
    public record Stack(String assembly, BigDecimal nominalSum, BigDecimal lowerSum, BigDecimal upperSum,
                        BigDecimal worstCase, BigDecimal rootSumSquare) { }

    /** The warnings of every milestone's checklist. */
    public static List<Warning> check(Contract contract) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < contract.milestones().size(); i++)
            warnings.addAll(check(contract.milestones().get(i).checklist(), "milestones[" + i + "].checklist"));
        return warnings;
    }

    /** The warnings of one checklist; {@code path} is the checklist's ({@code milestones[2].checklist}). */
    public static List<Warning> check(List<ChecklistItem> checklist, String path) {
        Map<String, ChecklistItem> byId = new HashMap<>();
        for (ChecklistItem c : checklist) byId.putIfAbsent(c.id(), c);
        List<Warning> warnings = new ArrayList<>();
        for (int j = 0; j < checklist.size(); j++) {
            ChecklistItem a = checklist.get(j);
            Stack s = stack(a, byId);
            if (s == null) continue;
            String unit = a.unit() == null ? "" : " " + a.unit();
            String itemPath = path + "[" + j + "]";
            String sum = sumOf(a, byId);
            BigDecimal nominal = middle(a);
            if (a.nominal() != null && s.nominalSum().compareTo(a.nominal()) != 0)
                warnings.add(new Warning(itemPath, "the nominal values of the parts of " + a.id() + " add up to "
                        + nominalFormula(a, byId) + " = " + plain(s.nominalSum()) + unit + ", not " + plain(a.nominal())
                        + unit + " (" + a.id() + " = " + sum + ")"));
            if (s.lowerSum().compareTo(a.lower()) < 0 || s.upperSum().compareTo(a.upper()) > 0)
                warnings.add(new Warning(itemPath, "the tolerances of the parts of " + a.id() + " (" + a.id() + " = " + sum
                        + ") can add up beyond its own: worst case " + worstFormula(a, byId) + " = ±" + plain(s.worstCase())
                        + unit + " (" + plain(s.lowerSum()) + " – " + plain(s.upperSum()) + unit + "), root-sum-square "
                        + rssFormula(a, byId) + " ≈ ±" + plain(s.rootSumSquare().setScale(1, RoundingMode.HALF_UP)) + unit
                        + ", against " + a.id() + " " + plain(nominal) + " ± " + plain(half(a)) + unit
                        + " (" + plain(a.lower()) + " – " + plain(a.upper()) + unit + "): parts that each pass can make "
                        + a.id() + " fail"));
        }
        return warnings;
    }

    /** The figures of an assembly, or null if it is not one, or a part or itself lacks a limit. */
    public static Stack stack(ChecklistItem a, Map<String, ChecklistItem> byId) {
        if (!a.isAssembly() || a.lower() == null || a.upper() == null) return null;
        BigDecimal nominal = BigDecimal.ZERO, lower = BigDecimal.ZERO, upper = BigDecimal.ZERO, worst = BigDecimal.ZERO,
                squares = BigDecimal.ZERO;
        for (ChecklistItem.Part p : a.parts()) {
            ChecklistItem part = byId.get(p.item());
            if (part == null || part.lower() == null || part.upper() == null) return null;
            BigDecimal n = BigDecimal.valueOf(p.count());
            nominal = nominal.add(n.multiply(middle(part)));
            lower = lower.add(n.multiply(part.lower()));
            upper = upper.add(n.multiply(part.upper()));
            worst = worst.add(n.multiply(half(part)));
            squares = squares.add(n.multiply(half(part).pow(2)));
        }
        return new Stack(a.id(), nominal, lower, upper, worst, squares.sqrt(MathContext.DECIMAL64));
    }

    /** The nominal value, or the middle of the limits. */
    private static BigDecimal middle(ChecklistItem c) {
        if (c.nominal() != null && c.tolerance() != null) return c.nominal();
        return c.lower().add(c.upper()).divide(BigDecimal.valueOf(2));
    }

    /** Half the width of the limits: the tolerance. */
    private static BigDecimal half(ChecklistItem c) {
        if (c.tolerance() != null) return c.tolerance();
        return c.upper().subtract(c.lower()).divide(BigDecimal.valueOf(2));
    }

    /** {@code W_MAIN + 2 × W_B + 2 × W_C}. */
    private static String sumOf(ChecklistItem a, Map<String, ChecklistItem> byId) {
        return String.join(" + ", a.parts().stream().map(p -> (p.count() == 1 ? "" : p.count() + " × ") + p.item()).toList());
    }

    private static String nominalFormula(ChecklistItem a, Map<String, ChecklistItem> byId) {
        return String.join(" + ", a.parts().stream()
                .map(p -> (p.count() == 1 ? "" : p.count() + " × ") + plain(middle(byId.get(p.item())))).toList());
    }

    /** Counts of equal tolerances are merged: {@code 10 + 4 × 20}. */
    private static String worstFormula(ChecklistItem a, Map<String, ChecklistItem> byId) {
        return String.join(" + ", merged(a, byId).entrySet().stream()
                .map(e -> (e.getValue() == 1 ? "" : e.getValue() + " × ") + plain(e.getKey())).toList());
    }

    /** {@code √(10² + 4 × 20²)}. */
    private static String rssFormula(ChecklistItem a, Map<String, ChecklistItem> byId) {
        return "√(" + String.join(" + ", merged(a, byId).entrySet().stream()
                .map(e -> (e.getValue() == 1 ? "" : e.getValue() + " × ") + plain(e.getKey()) + "²").toList()) + ")";
    }

    private static Map<BigDecimal, Integer> merged(ChecklistItem a, Map<String, ChecklistItem> byId) {
        Map<BigDecimal, Integer> counts = new java.util.LinkedHashMap<>();
        for (ChecklistItem.Part p : a.parts())
            counts.merge(plainValue(half(byId.get(p.item()))), p.count(), Integer::sum);
        return counts;
    }

    private static BigDecimal plainValue(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal v) { return ChecklistItem.plain(v); }
}
