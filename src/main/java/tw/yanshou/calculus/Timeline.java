package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.MilestoneEvent;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;

/**
 * The events known on a day, replayed in effective-date order into the state of every milestone item.
 * Events of one day are applied in the order their meaning allows (a tender before its inspection, a failed
 * inspection before the re-tender of the same day), so the result never depends on the order they were
 * recorded in. Events that make no sense in the contract's state become violations.
 */
final class Timeline {

    enum Outcome { PENDING, FAILED, ACCEPTED }

    /** One tender of one item of a milestone and what became of it. */
    static final class Tender {
        final LocalDate on;
        Outcome outcome = Outcome.PENDING;
        LocalDate cureBy;
        LocalDate resultOn;

        Tender(LocalDate on) { this.on = on; }
    }

    /**
     * The tenders of each item of a milestone, in the milestone's item order; items an amendment added to the
     * milestone follow from the amendment's date, with the amendment that added them in {@code joinedBy}.
     */
    static final class MilestoneState {
        final Milestone milestone;
        final Map<String, List<Tender>> tenders = new LinkedHashMap<>();
        final Map<String, Amended> joinedBy = new LinkedHashMap<>();

        MilestoneState(Milestone milestone) {
            this.milestone = milestone;
            for (String item : milestone.items()) tenders.put(item, new ArrayList<>());
        }

        Tender last(String item) {
            List<Tender> list = tenders.get(item);
            return list.isEmpty() ? null : list.get(list.size() - 1);
        }

        boolean accepted(String item) {
            Tender t = last(item);
            return t != null && t.outcome == Outcome.ACCEPTED;
        }

        boolean pending(String item) {
            Tender t = last(item);
            return t != null && t.outcome == Outcome.PENDING;
        }

        boolean allAccepted() { return tenders.keySet().stream().allMatch(this::accepted); }
    }

    record ExcusedEntry(DateRange range, String reason) { }

    final Contract contract;
    final LocalDate knownThrough;
    final List<Violation> violations = new ArrayList<>();
    final Map<String, MilestoneState> milestones = new LinkedHashMap<>();
    final List<ExcusedEntry> excused = new ArrayList<>();
    final List<Amended> amendments = new ArrayList<>();
    final List<MediationConcluded> settlements = new ArrayList<>();
    /** The known extensions, in effective order, with their index into the contract's events. */
    final Map<Extended, Integer> extensions = new LinkedHashMap<>();
    /**
     * The events that set or move due dates, in effective order: settlements, extensions and amendments that add
     * items to milestones ({@link DueDates} walks them item by item).
     */
    final List<ContractEvent> dueChanges = new ArrayList<>();
    /** For each milestone, the items the known amendments add to it and the day they join. */
    private final Map<String, Map<String, LocalDate>> added = new HashMap<>();
    /** Indices (into the contract's event list) of the applied events, in the order they were applied. */
    final List<Integer> applied = new ArrayList<>();
    boolean capWaived;
    LocalDate mediationPendingSince;
    LocalDate terminatedOn;
    DaySet excusedDays = DaySet.EMPTY;

    private Timeline(Contract contract, LocalDate knownThrough) {
        this.contract = contract;
        this.knownThrough = knownThrough;
        for (Milestone m : contract.milestones()) milestones.put(m.id(), new MilestoneState(m));
    }

    /** Replays the events dated on or before {@code knownThrough}. */
    static Timeline replay(Contract contract, LocalDate knownThrough) {
        Timeline t = new Timeline(contract, knownThrough);
        t.run();
        return t;
    }

    private record Indexed(int index, ContractEvent event) { }

    private static final List<Class<? extends ContractEvent>> SAME_DAY_ORDER = List.of(
            ContractEvent.Delivered.class, ContractEvent.DeliveryAcknowledged.class, Amended.class, Excused.class, MediationFiled.class, MediationConcluded.class, Extended.class,
            Tendered.class, InspectionFailed.class, Accepted.class, Terminated.class);

    private static int rank(ContractEvent e) { return SAME_DAY_ORDER.indexOf(e.getClass()); }

    private static final Comparator<Indexed> ORDER = Comparator
            .comparing((Indexed i) -> i.event().date())
            .thenComparingInt(i -> rank(i.event()))
            .thenComparing(i -> i.event() instanceof MilestoneEvent m ? m.milestone()
                    : i.event() instanceof Extended x ? x.milestone() : "")
            .thenComparing(i -> String.valueOf(i.event()));

    private void run() {
        List<Indexed> known = new ArrayList<>();
        for (ContractEvent e : contract.events()) {
            if (e.date().isAfter(knownThrough) || !(e instanceof Amended a)) continue;
            for (ContractEvent.ItemChange change : a.items())
                if (change.milestone() != null)
                    added.computeIfAbsent(change.milestone(), k -> new HashMap<>()).putIfAbsent(change.code(), a.date());
        }
        for (int i = 0; i < contract.events().size(); i++) {
            ContractEvent e = contract.events().get(i);
            if (e.date().isAfter(knownThrough)) continue;
            if (wellFormed(i, e)) known.add(new Indexed(i, e));
        }
        known.sort(ORDER);
        int start = 0;
        while (start < known.size()) {
            LocalDate day = known.get(start).event().date();
            int end = start;
            while (end < known.size() && known.get(end).event().date().equals(day)) end++;
            applyDay(known.subList(start, end));
            start = end;
        }
        for (ExcusedEntry x : excused) excusedDays = excusedDays.union(DaySet.of(x.range().from(), x.range().to()));
    }

    /** Checks that do not depend on the state: dates, references, items. */
    private boolean wellFormed(int index, ContractEvent e) {
        String path = "events[" + index + "]";
        int before = violations.size();
        if (e.date().isBefore(contract.signedOn()))
            violations.add(new Violation(path + ".date",
                    e.date() + " is before the contract was signed (" + contract.signedOn() + ")"));
        if (e instanceof MilestoneEvent m) {
            MilestoneState state = milestones.get(m.milestone());
            if (state == null) {
                violations.add(new Violation(path + ".milestone", "no milestone " + m.milestone()));
            } else {
                for (int j = 0; j < m.items().size(); j++) {
                    if (!state.tenders.containsKey(m.items().get(j)) && !addedTo(m.milestone(), m.items().get(j)))
                        violations.add(new Violation(path + ".items[" + j + "]",
                                "item " + m.items().get(j) + " is not part of milestone " + m.milestone()));
                }
            }
            if (e instanceof InspectionFailed f && f.cureBy().isBefore(f.date()))
                violations.add(new Violation(path + ".cureBy",
                        "the cure deadline " + f.cureBy() + " is before the inspection (" + f.date() + ")"));
        }
        if (e instanceof MediationConcluded c && c.outcome() == ContractEvent.Outcome.FAILED
                && (c.excused() != null || c.completionDeadline() != null || c.capWaived() || c.resetDue()))
            violations.add(new Violation(path + ".outcome", "a failed mediation has no terms; use SETTLED"));
        if (e instanceof Amended a) {
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < a.items().size(); j++) {
                ContractEvent.ItemChange change = a.items().get(j);
                if (!seen.add(change.code()))
                    violations.add(new Violation(path + ".items[" + j + "].code", "item " + change.code() + " is amended twice"));
                if (change.amount().signum() < 0)
                    violations.add(new Violation(path + ".items[" + j + "].amount", "must not be negative"));
                if (contract.item(change.code()).isEmpty() && (change.name() == null || change.name().isBlank()))
                    violations.add(new Violation(path + ".items[" + j + "].name",
                            "no item " + change.code() + " in the contract; an added item needs a name"));
                if (change.milestone() != null && !milestones.containsKey(change.milestone()))
                    violations.add(new Violation(path + ".items[" + j + "].milestone", "no milestone " + change.milestone()));
                else if (change.milestone() != null && contract.item(change.code()).isPresent())
                    violations.add(new Violation(path + ".items[" + j + "].milestone", "item " + change.code()
                            + " is an item of the contract; only an item the amendment adds joins a milestone"));
            }
            if (a.items().isEmpty()) violations.add(new Violation(path + ".items", "an amendment changes at least one item"));
        }
        if (e instanceof Extended x) {
            if (!milestones.containsKey(x.milestone()))
                violations.add(new Violation(path + ".milestone", "no milestone " + x.milestone()));
            if (x.to() != null && x.to().isBefore(contract.signedOn()))
                violations.add(new Violation(path + ".to",
                        x.to() + " is before the contract was signed (" + contract.signedOn() + ")"));
        }
        return violations.size() == before;
    }

    /** Whether a known amendment adds {@code item} to {@code milestone} (at some date). */
    private boolean addedTo(String milestone, String item) {
        return added.getOrDefault(milestone, Map.of()).containsKey(item);
    }

    private void applyDay(List<Indexed> events) {
        List<Indexed> milestoneEvents = new ArrayList<>();
        for (Indexed i : events) {
            if (i.event() instanceof MilestoneEvent) milestoneEvents.add(i);
            else if (!(i.event() instanceof Terminated)) apply(i);
        }
        while (!milestoneEvents.isEmpty()) {
            Indexed next = next(milestoneEvents);
            if (next == null) break;
            milestoneEvents.remove(next);
            apply(next);
        }
        for (Indexed i : milestoneEvents)
            violations.add(Violation.conflict("events[" + i.index() + "]", refusal((MilestoneEvent) i.event())));
        for (Indexed i : events) if (i.event() instanceof Terminated) apply(i);
    }

    /**
     * The milestone event of a day to apply next: first a result (failed, accepted) of tenders made on an earlier
     * day, then a tender, then a result of that day's tenders. So "failed" and a re-tender on one day mean the old
     * tender failed and a new one was made, and a tender and its acceptance on one day mean just that.
     */
    private Indexed next(List<Indexed> events) {
        for (Indexed i : events) {
            MilestoneEvent e = (MilestoneEvent) i.event();
            if (!(e instanceof Tendered) && refusal(e) == null && resultOfEarlierTenders(e)) return i;
        }
        for (Indexed i : events) if (refusal((MilestoneEvent) i.event()) == null) return i;
        return null;
    }

    private boolean resultOfEarlierTenders(MilestoneEvent e) {
        MilestoneState state = milestones.get(e.milestone());
        return targets(e, state).stream().allMatch(item -> state.last(item).on.isBefore(e.date()));
    }

    private List<String> targets(MilestoneEvent e, MilestoneState state) {
        if (!e.items().isEmpty()) return e.items();
        List<String> result = new ArrayList<>();
        for (String item : state.tenders.keySet()) {
            boolean wanted = e instanceof Tendered ? !state.accepted(item) && !state.pending(item) : state.pending(item);
            if (wanted) result.add(item);
        }
        return result;
    }

    /** Why a milestone event cannot happen now, or null if it can. */
    private String refusal(MilestoneEvent e) {
        if (terminatedOn != null) return "the contract was terminated on " + terminatedOn;
        MilestoneState state = milestones.get(e.milestone());
        String m = e.milestone();
        for (String item : e.items()) {
            if (!state.tenders.containsKey(item))
                return "item " + item + " is not yet part of milestone " + m + ": it joins with the amendment of "
                        + added.get(m).get(item);
        }
        List<String> targets = targets(e, state);
        if (e instanceof Tendered) {
            if (targets.isEmpty()) {
                return state.tenders.keySet().stream().allMatch(state::accepted)
                        ? "milestone " + m + " is already accepted"
                        : "a tender of milestone " + m + " is still awaiting its inspection result";
            }
            for (String item : targets) {
                if (state.accepted(item)) return "item " + item + " of milestone " + m + " is already accepted";
                if (state.pending(item))
                    return "the tender of item " + item + " of milestone " + m + " on " + state.last(item).on
                            + " is still awaiting its inspection result";
            }
            return null;
        }
        String what = e instanceof Accepted ? "an acceptance" : "a failed inspection";
        if (targets.isEmpty())
            return "no tender of milestone " + m + " is awaiting a result: " + what + " needs a tender first";
        for (String item : targets) {
            if (!state.pending(item))
                return "item " + item + " of milestone " + m + " has no tender awaiting a result: " + what
                        + " needs a tender first";
        }
        return null;
    }

    /** Item prices change; an item added to a milestone joins it (not an accepted one: its acceptance closed it). */
    private void amend(Amended a, String path) {
        for (ContractEvent.ItemChange change : a.items()) {
            if (change.milestone() == null) continue;
            MilestoneState state = milestones.get(change.milestone());
            boolean addedBefore = amendments.stream().flatMap(earlier -> earlier.items().stream())
                    .anyMatch(earlier -> earlier.code().equals(change.code()));
            if (addedBefore) {
                violations.add(Violation.conflict(path, "item " + change.code() + " was added by an earlier amendment; "
                        + "an item joins a milestone when it is added"));
                return;
            }
            if (state.allAccepted()) {
                violations.add(Violation.conflict(path, "milestone " + change.milestone() + " is already accepted; "
                        + "an added item joins a milestone that is still open"));
                return;
            }
        }
        amendments.add(a);
        boolean joins = false;
        for (ContractEvent.ItemChange change : a.items()) {
            if (change.milestone() == null) continue;
            MilestoneState state = milestones.get(change.milestone());
            state.tenders.put(change.code(), new ArrayList<>());
            state.joinedBy.put(change.code(), a);
            joins = true;
        }
        if (joins) dueChanges.add(a);
    }

    private void apply(Indexed indexed) {
        ContractEvent event = indexed.event();
        String path = "events[" + indexed.index() + "]";
        if (terminatedOn != null && !(event instanceof ContractEvent.DeliveryAcknowledged)) {
            // an acknowledgement only says that a delivery made before reached the vendor: it may come after the end
            violations.add(Violation.conflict(path, "the contract was terminated on " + terminatedOn));
            return;
        }
        applied.add(indexed.index());
        if (event instanceof Tendered t) {
            MilestoneState state = milestones.get(t.milestone());
            for (String item : targets(t, state)) state.tenders.get(item).add(new Tender(t.date()));
        } else if (event instanceof InspectionFailed f) {
            MilestoneState state = milestones.get(f.milestone());
            for (String item : targets(f, state)) {
                Tender tender = state.last(item);
                tender.outcome = Outcome.FAILED;
                tender.cureBy = f.cureBy();
                tender.resultOn = f.date();
            }
        } else if (event instanceof Accepted a) {
            MilestoneState state = milestones.get(a.milestone());
            for (String item : targets(a, state)) {
                Tender tender = state.last(item);
                tender.outcome = Outcome.ACCEPTED;
                tender.resultOn = a.date();
            }
        } else if (event instanceof Excused x) {
            excused.add(new ExcusedEntry(x.range(), x.reason() == null ? "不計工期" : x.reason()));
        } else if (event instanceof MediationFiled f) {
            if (mediationPendingSince != null)
                violations.add(Violation.conflict(path, "a mediation filed on " + mediationPendingSince + " is still pending"));
            else mediationPendingSince = f.date();
        } else if (event instanceof MediationConcluded c) {
            if (mediationPendingSince == null) {
                violations.add(Violation.conflict(path, "no mediation is pending: record MEDIATION_FILED first"));
                return;
            }
            mediationPendingSince = null;
            if (c.outcome() == ContractEvent.Outcome.SETTLED) {
                settlements.add(c);
                dueChanges.add(c);
                if (c.excused() != null)
                    excused.add(new ExcusedEntry(c.excused(), "調解不計工期"));
                capWaived |= c.capWaived();
            }
        } else if (event instanceof Amended a) {
            amend(a, path);
        } else if (event instanceof Extended x) {
            MilestoneState state = milestones.get(x.milestone());
            if (state.tenders.keySet().stream().allMatch(item -> state.accepted(item) || state.pending(item))) {
                violations.add(Violation.conflict(path, "milestone " + x.milestone() + " is complete on " + x.date()
                        + " (every item accepted or awaiting its inspection): there is nothing left to extend; to excuse "
                        + "days after the fact, record EXCUSED"));
                return;
            }
            extensions.put(x, indexed.index());
            dueChanges.add(x);
        } else if (event instanceof Terminated t) {
            terminatedOn = t.date();
        }
    }
}
