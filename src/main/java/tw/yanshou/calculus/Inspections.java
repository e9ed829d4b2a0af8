package tw.yanshou.calculus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tw.yanshou.calculus.ChecklistItem.Kind;
import tw.yanshou.calculus.InspectionRecord.Result;

/**
 * Judges an inspection record against a milestone's checklist: the one rule the API, the officer's task form and the
 * validator use. A MEASURE passes when its value lies within its limits, both included ({@code 600 ± 10} passes 590
 * and 610, fails 611); a PASS_FAIL item passes with the verdict {@code PASS}; a CHOICE item passes when the value found
 * is one of the allowed values. The proposal is FAILED when any item failed, ACCEPTED otherwise; the items of the
 * checklist without a result are listed as not inspected.
 */
public final class Inspections {
    private Inspections() { }

    /** The proposal of a judged record. */
    public enum Proposal { ACCEPTED, FAILED }

    /** One item judged: whether it passed, and what was found against what was required. */
    public record Judged(String item, String name, String requirement, String found, boolean passed, String spec) { }

    /**
     * The judgement of a record.
     *
     * @param items        the results judged, in the order written
     * @param notInspected the checklist's items without a result
     * @param problems     results that cannot be judged (unknown item, a value for a verdict item, …), each with the
     *                     index of its result; a record with problems is refused by the validator
     */
    public record Judgement(List<Judged> items, List<String> notInspected, List<Problem> problems) {
        public Proposal proposal() { return failed().isEmpty() ? Proposal.ACCEPTED : Proposal.FAILED; }

        public List<Judged> failed() { return items.stream().filter(j -> !j.passed()).toList(); }

        public List<String> failedItems() { return failed().stream().map(Judged::item).toList(); }
    }

    /** A result that cannot be judged; {@code field} is {@code item}, {@code value} or {@code verdict}. */
    public record Problem(int index, String field, String message) { }

    public static Judgement judge(List<ChecklistItem> checklist, List<Result> results) {
        Map<String, ChecklistItem> byId = new HashMap<>();
        for (ChecklistItem c : checklist) byId.putIfAbsent(c.id(), c);
        List<Judged> judged = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            ChecklistItem c = byId.get(r.item());
            if (c == null) {
                problems.add(new Problem(i, "item", byId.isEmpty() ? "the milestone has no checklist item " + r.item()
                        + " (it has no checklist)" : "no checklist item " + r.item() + "; the items are "
                        + String.join(", ", byId.keySet().stream().sorted().toList())));
                continue;
            }
            if (!seen.add(r.item())) {
                problems.add(new Problem(i, "item", "item " + r.item() + " has a result already"));
                continue;
            }
            if (c.kind() == Kind.MEASURE) {
                if (r.value() == null) {
                    problems.add(new Problem(i, "verdict", "item " + r.item() + " is a measure: give its value, e.g. value: "
                            + ChecklistItem.plain(c.nominal() != null ? c.nominal() : c.lower() != null ? c.lower() : c.upper())));
                    continue;
                }
                boolean passed = (c.lower() == null || r.value().compareTo(c.lower()) >= 0)
                        && (c.upper() == null || r.value().compareTo(c.upper()) <= 0);
                judged.add(new Judged(c.id(), c.name(), c.requirement(),
                        ChecklistItem.plain(r.value()) + (c.unit() == null ? "" : " " + c.unit()), passed, c.spec()));
            } else {
                if (r.verdict() == null) {
                    problems.add(new Problem(i, "value", "item " + r.item() + " is not a measure: give its verdict ("
                            + (c.kind() == Kind.PASS_FAIL ? "PASS or FAIL" : "the value found, one of " + String.join(", ", c.allowed()))
                            + ")"));
                    continue;
                }
                if (c.kind() == Kind.PASS_FAIL && !r.verdict().equals("PASS") && !r.verdict().equals("FAIL")) {
                    problems.add(new Problem(i, "verdict", "must be PASS or FAIL, was \"" + r.verdict() + "\""));
                    continue;
                }
                boolean passed = c.kind() == Kind.PASS_FAIL ? r.verdict().equals("PASS") : c.allowed().contains(r.verdict());
                judged.add(new Judged(c.id(), c.name(), c.requirement(), r.verdict(), passed, c.spec()));
            }
        }
        List<String> notInspected = checklist.stream().map(ChecklistItem::id).filter(id -> !seen.contains(id)).toList();
        return new Judgement(judged, notInspected, problems);
    }
}
