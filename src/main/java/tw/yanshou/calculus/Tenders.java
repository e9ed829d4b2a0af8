package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tw.yanshou.calculus.Statement.Status;
import tw.yanshou.calculus.Timeline.MilestoneState;
import tw.yanshou.calculus.Timeline.Outcome;
import tw.yanshou.calculus.Timeline.Tender;

/**
 * Which tender stands and the late days of an item (docs/calculus.md, section 4): the part of the statement that
 * looks at one item's list of tenders.
 */
final class Tenders {
    private Tenders() { }

    /**
     * What the tenders of a milestone come to.
     *
     * @param completedOn     the latest of the items' standing tenders, once every item has one; else null
     * @param acceptedOn      the day the last item was accepted, once every item is; else null
     * @param itemCompletedOn each item's first standing tender, or null
     */
    record Completion(LocalDate completedOn, LocalDate acceptedOn, Map<String, LocalDate> itemCompletedOn) { }

    /**
     * @param ifNothingChanges for a projection: a failed tender whose cure period still runs does not stand
     */
    static Completion completion(MilestoneState state, LocalDate asOf, LocalDate terminatedOn, boolean ifNothingChanges) {
        Map<String, LocalDate> completed = new LinkedHashMap<>();
        LocalDate completedOn = null, acceptedOn = null;
        boolean allComplete = true, allAccepted = true;
        for (Map.Entry<String, List<Tender>> e : state.tenders.entrySet()) {
            LocalDate itemCompleted = firstStanding(e.getValue(), asOf, terminatedOn, ifNothingChanges);
            completed.put(e.getKey(), itemCompleted);
            if (itemCompleted == null) allComplete = false;
            else completedOn = StatementCalculator.later(completedOn, itemCompleted);
            Tender last = e.getValue().isEmpty() ? null : e.getValue().get(e.getValue().size() - 1);
            if (last == null || last.outcome != Outcome.ACCEPTED) allAccepted = false;
            else acceptedOn = StatementCalculator.later(acceptedOn, last.resultOn);
        }
        return new Completion(allComplete ? completedOn : null, allAccepted ? acceptedOn : null, completed);
    }

    /**
     * The day of the first tender that stands, or null. A tender stands if it was accepted or awaits its result;
     * a failed one stands if it was re-tendered by its {@code cureBy} by a tender that stands, or if its cure period
     * still runs on {@code asOf}, or if the contract was terminated on or before its {@code cureBy} (the vendor was
     * given no chance to cure).
     *
     * @param terminatedOn     the termination day known on {@code asOf}, or null
     * @param ifNothingChanges a cure period still running is taken to run out without a re-tender
     */
    static LocalDate firstStanding(List<Tender> tenders, LocalDate asOf, LocalDate terminatedOn, boolean ifNothingChanges) {
        int n = tenders.size();
        boolean[] stands = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            Tender t = tenders.get(i);
            if (t.outcome != Outcome.FAILED) {
                stands[i] = true;
                continue;
            }
            boolean cured = i + 1 < n && stands[i + 1] && !tenders.get(i + 1).on.isAfter(t.cureBy);
            boolean curing = !ifNothingChanges && !t.cureBy.isBefore(asOf);
            boolean noChanceToCure = terminatedOn != null && !terminatedOn.isAfter(t.cureBy);
            stands[i] = cured || curing || noChanceToCure;
        }
        for (int i = 0; i < n; i++) if (stands[i]) return tenders.get(i).on;
        return null;
    }

    /**
     * Late days of one item: every calendar day after {@code due} through its completion (or through {@code through}),
     * except the excused days and the decision time and cure period of every failed tender made in time. A tender is
     * made in time if it is made on or before the due date, or by the {@code cureBy} of a failed tender made in time
     * (a chain of timely cures); a chain that starts with a late tender excuses nothing.
     *
     * @param due       the item's due date; null (no due date yet) means no late day
     * @param completed the item's first standing tender, or null
     */
    static DaySet lateDays(List<Tender> tenders, LocalDate due, LocalDate completed, LocalDate through, DaySet excused) {
        if (due == null) return DaySet.EMPTY;
        LocalDate end = completed == null || completed.isAfter(through) ? through : completed;
        DaySet late = DaySet.ofEpoch(due.toEpochDay() + 1, end.toEpochDay());
        boolean inTime = false;
        Tender previous = null;
        for (Tender t : tenders) {
            inTime = !t.on.isAfter(due)
                    || (inTime && previous.outcome == Outcome.FAILED && !t.on.isAfter(previous.cureBy));
            if (inTime && t.outcome == Outcome.FAILED)
                late = late.minus(DaySet.ofEpoch(due.toEpochDay() + 1, t.cureBy.toEpochDay()));
            previous = t;
        }
        return late.minus(excused);
    }

    /** Where a milestone stands on {@code asOf}; the first that applies of the {@link Status} values, in order. */
    static Status status(MilestoneState state, Completion completion, LocalDate due, LocalDate asOf, LocalDate terminatedOn) {
        if (completion.acceptedOn() != null) return Status.ACCEPTED;
        if (terminatedOn != null) return Status.TERMINATED;
        if (state.tenders.keySet().stream().anyMatch(state::pending)) return Status.TENDERED;
        if (state.tenders.keySet().stream().map(state::last)
                .anyMatch(t -> t != null && t.outcome == Outcome.FAILED && !t.cureBy.isBefore(asOf))) return Status.CURING;
        if (due == null) return Status.WAITING;
        if (asOf.isAfter(due) && completion.completedOn() == null) return Status.LATE;
        return Status.OPEN;
    }
}
