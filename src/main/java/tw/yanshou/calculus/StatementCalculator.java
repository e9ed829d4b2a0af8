package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.Statement.Cap;
import tw.yanshou.calculus.Statement.ClaimStatement;
import tw.yanshou.calculus.Statement.ExcusedDays;
import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Statement.MilestoneStatus;
import tw.yanshou.calculus.Statement.Projection;
import tw.yanshou.calculus.Statement.Status;
import tw.yanshou.calculus.Timeline.MilestoneState;
import tw.yanshou.calculus.Timeline.Outcome;
import tw.yanshou.calculus.Timeline.Tender;
import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * Computes a contract's {@link Statement} as of a day. Stateless and thread-safe; see {@code docs/calculus.md}
 * for the rules and their legal sources.
 */
public final class StatementCalculator {
    /** How far a projection looks ahead. */
    static final int PROJECTION_YEARS = 10;

    private final ContractValidator validator;

    public StatementCalculator(CalendarSource calendars) {
        this.validator = new ContractValidator(calendars);
    }

    /**
     * The statement of {@code contract} as of {@code asOf}.
     *
     * @throws InvalidContractException with every violation, if the contract cannot be computed
     */
    public Statement statement(Contract contract, LocalDate asOf) {
        List<Violation> violations = validator.staticViolations(contract);
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        Timeline timeline = Timeline.replay(contract, asOf);
        if (!timeline.violations.isEmpty()) throw new InvalidContractException(timeline.violations);
        OfficeCalendar calendar = validator.calendarOf(contract).orElseThrow();
        return new Computation(contract, timeline, calendar, asOf).statement();
    }

    /** One computation: the known events, the calendar and the day. */
    private static final class Computation {
        private final Contract contract;
        private final Timeline timeline;
        private final LocalDate asOf;
        private final Periods.Rule rule;
        private final OfficeCalendar calendar;
        private final LocalDate accruedThrough;
        private final BigDecimal rate;
        private final AmountSchedule amounts;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Derived> derived = new LinkedHashMap<>();
        private final Map<String, LocalDate> dueOn = new HashMap<>();
        private final TreeSet<Integer> yearsUsed = new TreeSet<>();

        Computation(Contract contract, Timeline timeline, OfficeCalendar calendar, LocalDate asOf) {
            this.contract = contract;
            this.timeline = timeline;
            this.asOf = asOf;
            this.calendar = calendar;
            this.rule = new Periods.Rule(contract.terms().deadlineDays(), contract.terms().lastDayRollover(), calendar);
            this.accruedThrough = timeline.terminatedOn != null && timeline.terminatedOn.isBefore(asOf)
                    ? timeline.terminatedOn : asOf;
            this.rate = contract.terms().penalty().ratePerMille();
            this.amounts = new AmountSchedule(contract, timeline.amendments);
        }

        Statement statement() {
            for (MilestoneState state : timeline.milestones.values()) derived.put(state.milestone.id(), derive(state, false));
            List<Line> lines = lines(accruedThrough, false);
            BigDecimal total = amounts.finalTotal();
            BigDecimal beforeCap = sum(lines);
            PenaltyTerms terms = contract.terms().penalty();
            BigDecimal capAmount = terms.capPercent() == null ? null : Amounts.whole(Amounts.percent(total, terms.capPercent()));
            BigDecimal threshold = terms.terminationRightAtPercent() == null ? null
                    : Amounts.whole(Amounts.percent(total, terms.terminationRightAtPercent()));
            Cap cap = capAmount == null ? null
                    : new Cap(terms.capPercent(), capAmount, timeline.capWaived, firstDayReaching(lines, capAmount));
            BigDecimal penalty = capped(beforeCap, capAmount);
            LocalDate terminationRightOn = earlier(firstDayReaching(lines, threshold), missedDeadlineDay(derived, asOf));

            List<MilestoneStatus> milestones = new ArrayList<>();
            for (MilestoneState state : timeline.milestones.values()) milestones.add(status(state));
            boolean open = timeline.terminatedOn == null
                    && milestones.stream().anyMatch(m -> m.status() != Status.ACCEPTED);
            Projection projection = open ? projection(capAmount, threshold) : null;

            List<ClaimStatement> claims = new ArrayList<>();
            for (Claim claim : contract.claims()) claims.add(claim(claim, lines, capAmount));

            List<ExcusedDays> excused = timeline.excused.stream()
                    .sorted(Comparator.comparing(x -> x.range().from()))
                    .map(x -> new ExcusedDays(x.range().from(), x.range().to(), x.reason())).toList();
            warnCalendarGaps();
            return new Statement(asOf, accruedThrough, milestones, lines, excused, Formulas.of(lines),
                    lines.stream().mapToLong(Line::days).sum(), total, beforeCap, cap, penalty, terminationRightOn,
                    timeline.terminatedOn, timeline.mediationPendingSince, projection, claims, List.copyOf(warnings));
        }

        private BigDecimal capped(BigDecimal penalty, BigDecimal capAmount) {
            return capAmount == null || timeline.capWaived ? penalty : penalty.min(capAmount);
        }

        // ---- milestones -------------------------------------------------------------------------------------

        /** What the tenders of a milestone come to: completion, acceptance, per-item late days. */
        private record Derived(LocalDate completedOn, LocalDate acceptedOn, Map<String, LocalDate> itemCompletedOn,
                               Map<String, DaySet> exemptByItem) { }

        /**
         * @param ifNothingChanges a failed tender whose cure period still runs does not stand (projection)
         */
        private Derived derive(MilestoneState state, boolean ifNothingChanges) {
            Map<String, LocalDate> completed = new LinkedHashMap<>();
            LocalDate completedOn = null, acceptedOn = null;
            boolean allComplete = true, allAccepted = true;
            for (Map.Entry<String, List<Tender>> e : state.tenders.entrySet()) {
                LocalDate itemCompleted = firstStanding(e.getValue(), ifNothingChanges);
                completed.put(e.getKey(), itemCompleted);
                if (itemCompleted == null) allComplete = false;
                else completedOn = later(completedOn, itemCompleted);
                Tender last = e.getValue().isEmpty() ? null : e.getValue().get(e.getValue().size() - 1);
                if (last == null || last.outcome != Outcome.ACCEPTED) allAccepted = false;
                else acceptedOn = later(acceptedOn, last.resultOn);
            }
            return new Derived(allComplete ? completedOn : null, allAccepted ? acceptedOn : null, completed, new HashMap<>());
        }

        /**
         * The day of the first tender that stands: one accepted or awaiting its result, or a failed one that was
         * re-tendered by its cure deadline by a tender that stands, or whose cure period still runs.
         */
        private LocalDate firstStanding(List<Tender> tenders, boolean ifNothingChanges) {
            int n = tenders.size();
            boolean[] stands = new boolean[n];
            for (int i = n - 1; i >= 0; i--) {
                Tender t = tenders.get(i);
                if (t.outcome != Outcome.FAILED) stands[i] = true;
                else if (i + 1 < n) stands[i] = stands[i + 1] && !tenders.get(i + 1).on.isAfter(t.cureBy);
                else stands[i] = !ifNothingChanges && !t.cureBy.isBefore(accruedThrough);
            }
            for (int i = 0; i < n; i++) if (stands[i]) return tenders.get(i).on;
            return null;
        }

        private LocalDate dueOn(String milestoneId) {
            if (dueOn.containsKey(milestoneId)) return dueOn.get(milestoneId);
            MilestoneState state = timeline.milestones.get(milestoneId);
            LocalDate due = resetDue(state);
            if (due == null) {
                DueRule rule = state.milestone.due();
                if (rule instanceof DueRule.Fixed fixed) {
                    due = Periods.fixedDay(contract.signedOn(), fixed.date(), this.rule, timeline.excusedDays::contains);
                } else {
                    DueRule.Relative relative = (DueRule.Relative) rule;
                    LocalDate from = anchorDay(relative.from());
                    due = from == null ? null : Periods.lastDay(from, relative.days(), this.rule, timeline.excusedDays::contains);
                }
            }
            if (due != null) {
                for (int y = contract.signedOn().getYear(); y <= due.getYear(); y++) yearsUsed.add(y);
            }
            dueOn.put(milestoneId, due);
            return due;
        }

        /** The day a relative due rule counts from, or null while that event has not happened. */
        private LocalDate anchorDay(Anchor anchor) {
            if (anchor.kind() == Anchor.Kind.SIGNED) return contract.signedOn();
            Derived d = derived.get(anchor.milestone());
            return anchor.kind() == Anchor.Kind.TENDERED ? d.completedOn() : d.acceptedOn();
        }

        /** The completion deadline of the latest settlement with {@code resetDue}, if the milestone was open then. */
        private LocalDate resetDue(MilestoneState state) {
            LocalDate due = null;
            for (MediationConcluded s : timeline.settlements) {
                if (!s.resetDue() || s.completionDeadline() == null) continue;
                Derived d = derived.get(state.milestone.id());
                if (d.acceptedOn() != null && !d.acceptedOn().isAfter(s.date())) continue;
                due = deadline(s);
            }
            return due;
        }

        private LocalDate deadline(MediationConcluded settlement) {
            Period p = settlement.completionDeadline();
            LocalDate day = p.days() != null
                    ? Periods.lastDay(settlement.date(), p.days(), rule, timeline.excusedDays::contains)
                    : rule.lastDayRollover() ? Periods.rollOver(p.date(), calendar, timeline.excusedDays::contains) : p.date();
            yearsUsed.add(day.getYear());
            return day;
        }

        /** The day after a missed settlement completion deadline, if it had passed by {@code knownOn}. */
        private LocalDate missedDeadlineDay(Map<String, Derived> milestones, LocalDate knownOn) {
            LocalDate result = null;
            for (MediationConcluded s : timeline.settlements) {
                if (s.completionDeadline() == null) continue;
                LocalDate deadline = deadline(s);
                if (!knownOn.isAfter(deadline)) continue;
                if (timeline.terminatedOn != null && !timeline.terminatedOn.isAfter(deadline)) continue;
                boolean missed = milestones.values().stream()
                        .anyMatch(d -> d.completedOn() == null || d.completedOn().isAfter(deadline));
                if (missed) result = earlier(result, deadline.plusDays(1));
            }
            return result;
        }

        /** Late days of each item of a milestone: after the due date up to completion, less excused and cure days. */
        private Map<String, DaySet> lateDays(MilestoneState state, Derived d, LocalDate through) {
            Map<String, DaySet> result = new LinkedHashMap<>();
            LocalDate due = dueOn(state.milestone.id());
            for (Map.Entry<String, List<Tender>> e : state.tenders.entrySet()) {
                if (due == null) { result.put(e.getKey(), DaySet.EMPTY); continue; }
                LocalDate completed = d.itemCompletedOn().get(e.getKey());
                LocalDate end = completed == null || completed.isAfter(through) ? through : completed;
                DaySet late = DaySet.ofEpoch(due.toEpochDay() + 1, end.toEpochDay());
                // the cure periods of a tender made in time (on or before the due date, or a re-tender by the
                // cure deadline of a tender made in time) that failed are not late
                boolean inTime = false;
                Tender previous = null;
                for (Tender t : e.getValue()) {
                    inTime = !t.on.isAfter(due)
                            || (inTime && previous.outcome == Outcome.FAILED && !t.on.isAfter(previous.cureBy));
                    if (inTime && t.outcome == Outcome.FAILED)
                        late = late.minus(DaySet.ofEpoch(due.toEpochDay() + 1, t.cureBy.toEpochDay()));
                    previous = t;
                }
                result.put(e.getKey(), late.minus(timeline.excusedDays));
            }
            return result;
        }

        private MilestoneStatus status(MilestoneState state) {
            Derived d = derived.get(state.milestone.id());
            LocalDate due = dueOn(state.milestone.id());
            long late = 0;
            DaySet all = DaySet.EMPTY;
            for (DaySet s : lateDays(state, d, accruedThrough).values()) all = all.union(s);
            late = all.size();
            Status status;
            if (d.acceptedOn() != null) status = Status.ACCEPTED;
            else if (timeline.terminatedOn != null) status = Status.TERMINATED;
            else if (state.tenders.keySet().stream().anyMatch(state::pending)) status = Status.TENDERED;
            else if (state.tenders.keySet().stream().map(state::last)
                    .anyMatch(t -> t != null && t.outcome == Outcome.FAILED && !t.cureBy.isBefore(asOf))) status = Status.CURING;
            else if (due == null) status = Status.WAITING;
            else if (asOf.isAfter(due) && d.completedOn() == null) status = Status.LATE;
            else status = Status.OPEN;
            return new MilestoneStatus(state.milestone.id(), state.milestone.name(), due, status, d.completedOn(), late);
        }

        // ---- lines -------------------------------------------------------------------------------------------

        /** Lines of consecutive days with the same late items and basis, through {@code through}. */
        private List<Line> lines(LocalDate through, boolean ifNothingChanges) {
            List<String> itemOrder = amounts.codes();
            List<Map.Entry<String, DaySet>> tracks = new ArrayList<>();
            TreeSet<Long> bounds = new TreeSet<>();
            for (MilestoneState state : timeline.milestones.values()) {
                Derived d = ifNothingChanges ? derive(state, true) : derived.get(state.milestone.id());
                for (Map.Entry<String, DaySet> e : lateDays(state, d, through).entrySet()) {
                    DaySet s = e.getValue();
                    if (s.isEmpty()) continue;
                    tracks.add(e);
                    for (int i = 0; i < s.rangeCount(); i++) { bounds.add(s.from(i)); bounds.add(s.to(i) + 1); }
                }
            }
            if (tracks.isEmpty()) return List.of();
            for (long change : amounts.changeDays()) if (change > bounds.first() && change < bounds.last()) bounds.add(change);
            boolean wholeContract = contract.terms().penalty().basis() == PenaltyBasis.CONTRACT_TOTAL;
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
                    if (lineFrom != null) lines.add(line(lineFrom, lineTo, lineItems, lineBasis));
                    lineFrom = f; lineTo = t; lineItems = items; lineBasis = basis;
                }
            }
            if (lineFrom != null) lines.add(line(lineFrom, lineTo, lineItems, lineBasis));
            return lines;
        }

        private Line line(LocalDate from, LocalDate to, List<String> items, BigDecimal basis) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            BigDecimal amount = Amounts.whole(Amounts.perMille(basis, rate).multiply(BigDecimal.valueOf(days)));
            return new Line(from, to, days, List.copyOf(items), basis, rate, amount);
        }

        private static BigDecimal sum(List<Line> lines) {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The first day the running total of the day amounts reaches {@code threshold}, or null. */
        private LocalDate firstDayReaching(List<Line> lines, BigDecimal threshold) {
            if (threshold == null) return null;
            BigDecimal running = BigDecimal.ZERO;
            for (Line line : lines) {
                BigDecimal perDay = Amounts.perMille(line.basisAmount(), line.ratePerMille());
                if (perDay.signum() == 0) continue;
                BigDecimal missing = threshold.subtract(running);
                long day = missing.signum() <= 0 ? 1 : missing.divide(perDay, 0, RoundingMode.CEILING).longValueExact();
                if (day <= line.days()) return line.from().plusDays(day - 1);
                running = running.add(perDay.multiply(BigDecimal.valueOf(line.days())));
            }
            return null;
        }

        // ---- projection and claims ---------------------------------------------------------------------------

        private Projection projection(BigDecimal capAmount, BigDecimal threshold) {
            LocalDate horizon = asOf.plusYears(PROJECTION_YEARS);
            Map<String, Derived> ifNothingChanges = new LinkedHashMap<>();
            for (MilestoneState state : timeline.milestones.values())
                ifNothingChanges.put(state.milestone.id(), derive(state, true));
            List<Line> lines = lines(horizon, true);
            return new Projection(firstDayReaching(lines, capAmount),
                    earlier(firstDayReaching(lines, threshold), missedDeadlineDay(ifNothingChanges, horizon)));
        }

        private ClaimStatement claim(Claim claim, List<Line> lines, BigDecimal capAmount) {
            LocalDate through = earlier(claim.accrualThrough(), accruedThrough);
            List<Line> claimLines = new ArrayList<>();
            for (Line l : lines) {
                if (l.from().isAfter(through)) break;
                claimLines.add(l.to().isAfter(through) ? line(l.from(), through, l.lateItems(), l.basisAmount()) : l);
            }
            BigDecimal penalty = capped(sum(claimLines), capAmount);
            BigDecimal reduced = penalty;
            for (Claim.Reduction r : claim.reductions())
                reduced = Amounts.whole(reduced.subtract(Amounts.percent(reduced, r.percent())));
            BigDecimal net = reduced.subtract(claim.bondOffset()).max(BigDecimal.ZERO);
            LocalDate interestFrom = null;
            BigDecimal interestRate = null;
            long interestDays = 0;
            BigDecimal interest = BigDecimal.ZERO;
            if (claim.interest() != null) {
                Claim.Interest i = claim.interest();
                interestFrom = i.from();
                interestRate = i.ratePercent();
                LocalDate end = i.through() == null ? asOf : earlier(i.through(), asOf);
                interestDays = Math.max(0, ChronoUnit.DAYS.between(i.from(), end) + 1);
                interest = net.multiply(i.ratePercent()).multiply(BigDecimal.valueOf(interestDays))
                        .divide(BigDecimal.valueOf(36500), 0, RoundingMode.HALF_UP);
            }
            return new ClaimStatement(claim.accrualThrough(), List.copyOf(claimLines), Formulas.of(claimLines), penalty,
                    reduced, claim.bondOffset(), net, interestFrom, interestRate, interestDays, interest);
        }

        private void warnCalendarGaps() {
            if (contract.terms().deadlineDays() == DeadlineDays.CALENDAR && !contract.terms().lastDayRollover()) return;
            for (int year : yearsUsed) {
                if (!calendar.covers(year))
                    warnings.add("the office calendar " + contract.terms().calendar() + " has no data for " + year
                            + ": only Saturdays and Sundays count as rest days there; import the official calendar");
            }
        }
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    /** Item prices over time: the signed prices, changed by amendments from their dates. */
    private static final class AmountSchedule {
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

        List<String> codes() { return codes; }

        long[] changeDays() { return changeDays; }

        private Map<String, BigDecimal> on(long day) {
            int k = 0;
            while (k < changeDays.length && changeDays[k] <= day) k++;
            return snapshots.get(k);
        }

        BigDecimal sumOn(List<String> items, long day) {
            Map<String, BigDecimal> prices = on(day);
            BigDecimal sum = BigDecimal.ZERO;
            for (String code : items) sum = sum.add(prices.getOrDefault(code, BigDecimal.ZERO));
            return sum;
        }

        BigDecimal totalOn(long day) { return on(day).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add); }

        BigDecimal finalTotal() { return totalOn(Long.MAX_VALUE); }
    }
}
