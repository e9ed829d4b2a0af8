package tw.yanshou.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.DateRange;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.Period;
import tw.yanshou.contract.file.ContractFileWriter;

/**
 * Random valid contract histories for the equivalence properties: two or three items, two milestones (the second
 * may count from the first), and events drawn until the validator takes one — partial tenders of a milestone's
 * items in any order, partial results, failed inspections and cures, re-tenders, excused days, mediation with and
 * without reset due dates, amendments and terminations. Repeatable: everything comes from the {@link Random} given.
 */
public final class RandomHistories {
    public static final LocalDate SIGNED = LocalDate.of(2024, 1, 2);

    private RandomHistories() { }

    /** The file without events; with {@code linked}, a linked contract of that number ends with this one. */
    public static String header(String number, Random r, String linked) {
        int items = 2 + r.nextInt(2);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++)
            list.append("    - { code: I").append(i).append(", name: \"item ").append(i).append("\", amount: ")
                    .append(100_000 + r.nextInt(900_000)).append(" }\n");
        String second = r.nextBoolean() ? "{ days: " + (10 + r.nextInt(20)) + ", from: M0.ACCEPTED }"
                : r.nextBoolean() ? "{ days: " + (10 + r.nextInt(20)) + ", from: M0.TENDERED }"
                : "{ days: " + (30 + r.nextInt(60)) + ", from: SIGNED }";
        String deadline = r.nextBoolean() ? "CALENDAR" : "WORKING";
        String rate = r.nextBoolean() ? "1" : "2.5";
        String basis = r.nextBoolean() ? "LATE_ITEMS" : "CONTRACT_TOTAL";
        int firstDays = 20 + r.nextInt(40);
        String linkedContracts = linked == null ? ""
                : "  linkedContracts:\n    - { number: \"" + linked + "\", kind: MAINTENANCE, amount: 100000, terminatesWithThis: true }\n";
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "generated"
                  vendor: { id: "v-gen", name: "Vendor" }
                  signedOn: %s
                  items:
                %sterms:
                  deadlineDays: %s
                  penalty: { ratePerMille: %s, basis: %s, capPercent: 20, terminationRightAtPercent: 10 }
                %smilestones:
                  - { id: M0, name: "first", items: [I0, I1], due: { days: %d, from: SIGNED } }
                  - { id: M1, name: "second", items: [%s], due: %s }
                """.formatted(number, SIGNED, list, deadline, rate, basis, linkedContracts, firstDays,
                items == 2 ? "I1" : "I1, I2", second);
    }

    /** A contract with one milestone and no events, to be linked to another. */
    public static String linkedHeader(String number) {
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "maintenance"
                  vendor: { id: "v-gen", name: "Vendor" }
                  signedOn: %s
                  items:
                    - { code: S0, name: "maintenance", amount: 100000 }
                terms:
                  deadlineDays: CALENDAR
                  penalty: { ratePerMille: 1, basis: CONTRACT_TOTAL, capPercent: 20, terminationRightAtPercent: 10 }
                milestones:
                  - { id: S, name: "service", items: [S0], due: { days: 400, from: SIGNED } }
                events:
                  []
                """.formatted(number, SIGNED);
    }

    /** A random valid history up to {@code until}: candidates are drawn until the validator takes one, step by step. */
    public static List<ContractEvent> history(ContractValidator validator, Contract contract, Random r, LocalDate until) {
        List<ContractEvent> events = new ArrayList<>();
        LocalDate day = SIGNED.plusDays(1 + r.nextInt(10));
        for (int step = 0; step < 14 && !day.isAfter(until); step++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                ContractEvent candidate = candidate(contract, r, day);
                // the very same event twice is refused as a duplicate when recorded on its own (a retried request)
                if (contract.events().contains(candidate)) continue;
                if (validator.validateEvent(contract, candidate).isEmpty()) {
                    contract = contract.withEvent(candidate);
                    events.add(candidate);
                    break;
                }
            }
            if (events.stream().anyMatch(e -> e instanceof Terminated)) break;
            day = day.plusDays(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(15));
        }
        return events;
    }

    private static ContractEvent candidate(Contract contract, Random r, LocalDate day) {
        Milestone m = contract.milestones().get(r.nextInt(contract.milestones().size()));
        List<String> items = r.nextBoolean() ? null : subset(m.items(), r);
        return switch (r.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> new Tendered(day, m.id(), items, null);
            case 6, 7, 8 -> new InspectionFailed(day, m.id(), items, day.plusDays(r.nextInt(20)), "failed");
            case 9, 10, 11, 12 -> new Accepted(day, m.id(), items, null);
            case 13 -> new Excused(day, new DateRange(day.minusDays(r.nextInt(10)), day), "typhoon");
            case 14, 15 -> new MediationFiled(day, null);
            case 16, 17 -> new MediationConcluded(day, Outcome.SETTLED, r.nextBoolean() ? new DateRange(day.minusDays(5), day) : null,
                    r.nextBoolean() ? Period.ofDays(10 + r.nextInt(50)) : null, r.nextBoolean(), r.nextBoolean(), null);
            case 18 -> new Amended(day, List.of(new ItemChange("I0", null, BigDecimal.valueOf(50_000 + r.nextInt(500_000)))), "減價收受");
            default -> new Terminated(day, "VENDOR_DEFAULT", null);
        };
    }

    private static List<String> subset(List<String> items, Random r) {
        List<String> chosen = new ArrayList<>();
        for (String item : items) if (r.nextBoolean()) chosen.add(item);
        return chosen.isEmpty() ? List.of(items.get(r.nextInt(items.size()))) : chosen;
    }

    /** The file: {@code header} with {@code events}. */
    public static String withEvents(ContractFileWriter writer, String header, List<ContractEvent> events) {
        StringBuilder file = new StringBuilder(header).append("events:\n");
        if (events.isEmpty()) file.append("  []\n");
        for (ContractEvent e : events) file.append("  - ").append(writer.eventJson(e)).append('\n');
        return file.toString();
    }
}
