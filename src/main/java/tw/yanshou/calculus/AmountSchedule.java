package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tw.yanshou.calculus.ContractEvent.Amended;

/** Item prices over time: the signed prices, changed by amendments from their dates. */
final class AmountSchedule {
    private final List<String> codes = new ArrayList<>();
    private final long[] changeDays;
    private final List<Map<String, BigDecimal>> snapshots = new ArrayList<>();

    AmountSchedule(Contract contract, List<Amended> amendments) {
        Map<String, BigDecimal> current = new LinkedHashMap<>();
        for (Item item : contract.items()) { current.put(item.code(), item.amount()); codes.add(item.code()); }
        snapshots.add(Map.copyOf(current));
        List<Amended> sorted = amendments.stream().sorted(Comparator.comparing(Amended::date)).toList();
        changeDays = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            for (ContractEvent.ItemChange change : sorted.get(i).items()) {
                if (!current.containsKey(change.code())) codes.add(change.code());
                current.put(change.code(), change.amount());
            }
            changeDays[i] = sorted.get(i).date().toEpochDay();
            snapshots.add(Map.copyOf(current));
        }
    }

    /** Every item code, in contract order, amended additions last. */
    List<String> codes() { return codes; }

    /** The epoch days on which prices change. */
    long[] changeDays() { return changeDays; }

    private Map<String, BigDecimal> on(long day) {
        int k = 0;
        while (k < changeDays.length && changeDays[k] <= day) k++;
        return snapshots.get(k);
    }

    /** The sum of the prices of {@code items} on an epoch day. */
    BigDecimal sumOn(List<String> items, long day) {
        Map<String, BigDecimal> prices = on(day);
        BigDecimal sum = BigDecimal.ZERO;
        for (String code : items) sum = sum.add(prices.getOrDefault(code, BigDecimal.ZERO));
        return sum;
    }

    /** The contract total on an epoch day. */
    BigDecimal totalOn(long day) { return on(day).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add); }

    /** The contract total after every amendment. */
    BigDecimal finalTotal() { return totalOn(Long.MAX_VALUE); }
}
