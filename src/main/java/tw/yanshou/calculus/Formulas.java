package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tw.yanshou.calculus.Statement.Line;

/**
 * The court's notation: lines with the same basis and rate grouped, in the order they first appear, written
 * {@code 10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400}. The amount after {@code =} is the sum of the grouped lines
 * (each rounded once), so the formulas add up to the penalty before the cap.
 */
public final class Formulas {
    private Formulas() { }

    public static List<String> of(List<Line> lines) {
        record Key(BigDecimal basis, BigDecimal rate) { }
        Map<Key, List<Line>> groups = new LinkedHashMap<>();
        for (Line line : lines) {
            Key key = new Key(line.basisAmount().stripTrailingZeros(), line.ratePerMille().stripTrailingZeros());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        List<String> formulas = new ArrayList<>();
        for (Map.Entry<Key, List<Line>> group : groups.entrySet()) {
            List<Line> members = group.getValue();
            String days = members.size() == 1 ? String.valueOf(members.get(0).days())
                    : members.stream().map(l -> String.valueOf(l.days())).collect(Collectors.joining(" + ", "(", ")"));
            BigDecimal amount = members.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            formulas.add(Amounts.grouped(group.getKey().basis()) + " × " + Amounts.plain(group.getKey().rate()) + "‰ × "
                    + days + " = " + Amounts.grouped(amount));
        }
        return formulas;
    }
}
