package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * Finds everything wrong with a contract at once, each violation with its field path: references that do not
 * exist, due rules that count from each other, dates before the signing, and events that make no sense in the
 * contract's state (an acceptance without a tender, anything after the termination).
 */
public final class ContractValidator {
    private final CalendarSource calendars;

    public ContractValidator(CalendarSource calendars) { this.calendars = calendars; }

    /** Every violation of the contract and its whole event history. */
    public List<Violation> validate(Contract contract) {
        List<Violation> violations = staticViolations(contract);
        if (!violations.isEmpty()) return violations;
        violations.addAll(recordViolations(contract));
        Timeline timeline = Timeline.replay(contract, LocalDate.MAX);
        violations.addAll(timeline.violations);
        if (violations.isEmpty()) violations.addAll(extensionViolations(contract, timeline));
        return violations;
    }

    /**
     * Each extension against the due date in force on its date, as known that day: the milestone must have one (its
     * anchor has happened), and an extension to a day may not shorten it.
     */
    private List<Violation> extensionViolations(Contract contract, Timeline timeline) {
        List<Violation> v = new ArrayList<>();
        if (timeline.extensions.isEmpty()) return v;
        OfficeCalendar calendar = calendarOf(contract).orElseThrow();
        timeline.extensions.forEach((x, index) -> {
            Timeline then = Timeline.replay(contract, x.date());
            Map<String, Tenders.Completion> completions = new HashMap<>();
            for (Timeline.MilestoneState state : then.milestones.values())
                completions.put(state.milestone.id(), Tenders.completion(state, x.date(), then.terminatedOn, false));
            DueDates dueDates = new DueDates(contract, then, calendar, completions);
            Timeline.MilestoneState state = then.milestones.get(x.milestone());
            LocalDate inForce = dueDates.dueBefore(state, x);
            String path = "events[" + index + "]";
            if (inForce == null) {
                v.add(Violation.conflict(path, "milestone " + x.milestone() + " has no due date yet on " + x.date()
                        + " (it is due " + state.milestone.due() + ", which has not happened by then): an extension "
                        + "needs a due date in force"));
            } else if (x.to() != null && dueDates.extended(inForce, x).isBefore(inForce)) {
                v.add(new Violation(path + ".to", x.to() + " is before the due date of milestone " + x.milestone()
                        + " in force on " + x.date() + " (" + inForce + "): an extension cannot shorten it"));
            }
        });
        return v;
    }

    /**
     * The violations that recording {@code event} after the contract's events would add. Those of the event itself
     * have paths starting with {@code event}; an event already recorded that the new one would make senseless (a
     * back-dated termination before a later tender) keeps its own path, {@code events[k]}.
     */
    public List<Violation> validateEvent(Contract contract, ContractEvent event) {
        Contract with = contract.withEvent(event);
        String path = "events[" + contract.events().size() + "]";
        return validate(with).stream()
                .map(v -> v.path().startsWith(path) ? v.at("event" + v.path().substring(path.length())) : v)
                .toList();
    }

    /**
     * The order in which the contract's events take effect: by effective date, and within a day in the order their
     * meaning allows (a tender before its inspection). A workflow replaying the history uses this order.
     *
     * @return indices into {@code contract.events()}
     * @throws InvalidContractException if the history is not valid
     */
    public List<Integer> effectiveOrder(Contract contract) {
        List<Violation> violations = staticViolations(contract);
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        Timeline timeline = Timeline.replay(contract, LocalDate.MAX);
        if (!timeline.violations.isEmpty()) throw new InvalidContractException(timeline.violations);
        return List.copyOf(timeline.applied);
    }

    Optional<OfficeCalendar> calendarOf(Contract contract) {
        return calendars.calendar(contract.terms().calendar(), contract.terms().site());
    }

    /** Checks of the contract's structure, without its events' state. */
    List<Violation> staticViolations(Contract contract) {
        List<Violation> v = new ArrayList<>();
        if (calendarOf(contract).isEmpty())
            v.add(new Violation("terms.calendar", "no office calendar " + contract.terms().calendar()));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < contract.items().size(); i++) {
            if (!codes.add(contract.items().get(i).code()))
                v.add(new Violation("items[" + i + "].code", "item " + contract.items().get(i).code() + " is listed twice"));
        }
        if (contract.items().isEmpty()) v.add(new Violation("items", "a contract has at least one item"));
        Map<String, Integer> milestoneIndex = new HashMap<>();
        for (int i = 0; i < contract.milestones().size(); i++) {
            Milestone m = contract.milestones().get(i);
            if (milestoneIndex.putIfAbsent(m.id(), i) != null)
                v.add(new Violation("milestones[" + i + "].id", "milestone " + m.id() + " is listed twice"));
        }
        for (int i = 0; i < contract.milestones().size(); i++) {
            Milestone m = contract.milestones().get(i);
            String path = "milestones[" + i + "]";
            if (m.items().isEmpty()) v.add(new Violation(path + ".items", "a milestone delivers at least one item"));
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < m.items().size(); j++) {
                String code = m.items().get(j);
                if (!codes.contains(code)) v.add(new Violation(path + ".items[" + j + "]", "no item " + code));
                else if (!seen.add(code)) v.add(new Violation(path + ".items[" + j + "]", "item " + code + " is listed twice"));
            }
            if (m.due() instanceof DueRule.Relative r && r.from().kind() != Anchor.Kind.SIGNED) {
                if (!milestoneIndex.containsKey(r.from().milestone()))
                    v.add(new Violation(path + ".due.from", "no milestone " + r.from().milestone()));
                else if (r.from().milestone().equals(m.id()))
                    v.add(new Violation(path + ".due.from", "milestone " + m.id() + " cannot count from itself"));
            }
            if (m.due() instanceof DueRule.Fixed f && f.date().isBefore(contract.signedOn()))
                v.add(new Violation(path + ".due.date", f.date() + " is before the contract was signed (" + contract.signedOn() + ")"));
        }
        cycles(contract, milestoneIndex, v);
        for (int i = 0; i < contract.milestones().size(); i++)
            checklist(contract.milestones().get(i).checklist(), "milestones[" + i + "].checklist", v);
        Set<String> duties = new HashSet<>();
        for (int i = 0; i < contract.buyerDuties().size(); i++) {
            BuyerDuty d = contract.buyerDuties().get(i);
            String path = "buyerDuties[" + i + "]";
            if (!duties.add(d.id())) v.add(new Violation(path + ".id", "duty " + d.id() + " is listed twice"));
            if (d.due() instanceof DueRule.Relative r && r.from().kind() != Anchor.Kind.SIGNED
                    && !milestoneIndex.containsKey(r.from().milestone()))
                v.add(new Violation(path + ".due.from", "no milestone " + r.from().milestone()));
            if (d.due() instanceof DueRule.Fixed f && f.date().isBefore(contract.signedOn()))
                v.add(new Violation(path + ".due.date", f.date() + " is before the contract was signed (" + contract.signedOn() + ")"));
        }
        for (int i = 0; i < contract.claims().size(); i++) {
            Claim c = contract.claims().get(i);
            if (c.accrualThrough().isBefore(contract.signedOn()))
                v.add(new Violation("claims[" + i + "].accrualThrough",
                        c.accrualThrough() + " is before the contract was signed (" + contract.signedOn() + ")"));
        }
        return v;
    }

    /**
     * A checklist's own rules: ids once each; an assembly is a measure whose parts are other measures of the same
     * checklist, in the same unit, none of them (directly or through its parts) the assembly itself.
     */
    private static void checklist(List<ChecklistItem> checklist, String path, List<Violation> v) {
        Map<String, ChecklistItem> byId = new HashMap<>();
        for (int j = 0; j < checklist.size(); j++) {
            ChecklistItem c = checklist.get(j);
            if (byId.putIfAbsent(c.id(), c) != null)
                v.add(new Violation(path + "[" + j + "].id", "checklist item " + c.id() + " is listed twice"));
        }
        for (int j = 0; j < checklist.size(); j++) {
            ChecklistItem c = checklist.get(j);
            for (int k = 0; k < c.parts().size(); k++) {
                ChecklistItem.Part p = c.parts().get(k);
                String partPath = path + "[" + j + "].parts[" + k + "].item";
                ChecklistItem part = byId.get(p.item());
                if (part == null) v.add(new Violation(partPath, "no checklist item " + p.item() + " in this checklist"));
                else if (part.kind() != ChecklistItem.Kind.MEASURE)
                    v.add(new Violation(partPath, "item " + p.item() + " is " + part.kind() + "; the parts of an assembly are measures"));
                else if (!java.util.Objects.equals(part.unit(), c.unit()))
                    v.add(new Violation(partPath, "item " + p.item() + " is measured in " + part.unit() + ", assembly "
                            + c.id() + " in " + c.unit() + "; write them in one unit"));
                else if (contains(part, c.id(), byId, new HashSet<>()))
                    v.add(new Violation(partPath, "item " + p.item() + " is " + c.id() + " or one of its parts includes "
                            + c.id() + ": an assembly cannot be a part of itself"));
            }
        }
    }

    /** Whether {@code item} is {@code id} or has it among its parts, at any depth. */
    private static boolean contains(ChecklistItem item, String id, Map<String, ChecklistItem> byId, Set<String> visited) {
        if (item.id().equals(id)) return true;
        if (!visited.add(item.id())) return false;
        for (ChecklistItem.Part p : item.parts()) {
            ChecklistItem part = byId.get(p.item());
            if (part != null && contains(part, id, byId, visited)) return true;
        }
        return false;
    }

    /**
     * The inspection records of the results and the deliveries against the contract: each result names an item of
     * the milestone's checklist and can be judged (a value for a measure, a verdict otherwise); a failed inspection
     * whose results are given has at least one failed item; a delivery names a duty of the contract.
     */
    static List<Violation> recordViolations(Contract contract) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < contract.events().size(); i++) {
            ContractEvent e = contract.events().get(i);
            String path = "events[" + i + "]";
            if (e instanceof ContractEvent.InspectionResult r) {
                Optional<Milestone> m = contract.milestone(r.milestone());
                if (m.isEmpty() || r.record().results().isEmpty()) continue;
                Inspections.Judgement j = Inspections.judge(m.get().checklist(), r.record().results());
                for (Inspections.Problem p : j.problems())
                    v.add(new Violation(path + ".results[" + p.index() + "]." + p.field(), p.message()));
                if (j.problems().isEmpty() && e instanceof ContractEvent.InspectionFailed && j.failed().isEmpty())
                    v.add(new Violation(path + ".results", "every item of this failed inspection passed ("
                            + String.join(", ", j.items().stream().map(Inspections.Judged::item).toList())
                            + "): a failed inspection names at least one failed item; record ACCEPTED, or correct the values"));
            } else if (e instanceof ContractEvent.DeliveryAcknowledged a) {
                acknowledgement(contract, i, a, v);
            } else if (e instanceof ContractEvent.Delivered d && contract.buyerDuty(d.duty()).isEmpty()) {
                v.add(new Violation(path + ".duty", contract.buyerDuties().isEmpty()
                        ? "no duty " + d.duty() + ": the contract lists no buyer's duties"
                        : "no duty " + d.duty() + "; the duties are "
                        + String.join(", ", contract.buyerDuties().stream().map(BuyerDuty::id).toList())));
            }
        }
        return v;
    }

    /**
     * An acknowledgement names a delivery of the contract (a DELIVERED of its duty on its day), is not dated before
     * it, and is the only acknowledgement of that delivery (a second one is a conflict).
     */
    private static void acknowledgement(Contract contract, int index, ContractEvent.DeliveryAcknowledged a, List<Violation> v) {
        String path = "events[" + index + "]";
        boolean delivered = contract.events().stream().anyMatch(e -> e instanceof ContractEvent.Delivered d
                && d.duty().equals(a.duty()) && d.date().equals(a.delivered()));
        if (!delivered) {
            v.add(new Violation(path + ".delivered", "no delivery of duty " + a.duty() + " on " + a.delivered()
                    + " to acknowledge"));
            return;
        }
        if (a.date().isBefore(a.delivered()))
            v.add(new Violation(path + ".date", "the acknowledgement (" + a.date() + ") is before the delivery ("
                    + a.delivered() + ")"));
        for (int j = 0; j < index; j++)
            if (contract.events().get(j) instanceof ContractEvent.DeliveryAcknowledged earlier
                    && earlier.duty().equals(a.duty()) && earlier.delivered().equals(a.delivered())) {
                v.add(Violation.conflict(path, "the delivery of duty " + a.duty() + " on " + a.delivered()
                        + " is acknowledged already (on " + earlier.date() + ")"));
                return;
            }
    }

    /** Due rules that count from each other (A from B.ACCEPTED, B from A.TENDERED) can never be due. */
    private static void cycles(Contract contract, Map<String, Integer> index, List<Violation> v) {
        for (int i = 0; i < contract.milestones().size(); i++) {
            Set<String> visited = new LinkedHashSet<>();
            String start = contract.milestones().get(i).id();
            String current = start;
            while (true) {
                Integer k = index.get(current);
                if (k == null || !(contract.milestones().get(k).due() instanceof DueRule.Relative r)
                        || r.from().kind() == Anchor.Kind.SIGNED) break;
                current = r.from().milestone();
                if (current.equals(start) && visited.size() > 0) {
                    v.add(new Violation("milestones[" + i + "].due.from",
                            "milestone " + start + " counts from a milestone that counts from it: " + start + " → "
                                    + String.join(" → ", visited) + " → " + start));
                    break;
                }
                if (!visited.add(current)) break;
            }
        }
    }
}
