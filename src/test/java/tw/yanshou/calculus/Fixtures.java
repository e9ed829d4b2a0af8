package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


/** Contracts for tests, as static factories. */
final class Fixtures {
    static final StatementCalculator CALCULATOR = new StatementCalculator(CalendarSource.shipped());

    private Fixtures() { }

    static LocalDate d(String iso) { return LocalDate.parse(iso); }

    static BigDecimal amount(long value) { return BigDecimal.valueOf(value); }

    /**
     * The equipment contract of 臺灣高等法院111年度上字第122號 (the golden case), read from the one file of the case
     * ({@link tw.yanshou.CourtCase#FILE}): hardware 9,390,000 and software 990,000, 4‰ a day on the late items, 20 %
     * cap and termination threshold. The calculus's tests read it with the contract-file reader, so that the case
     * exists once; the reader itself is tested on its own.
     */
    static Contract courtCase() {
        return new tw.yanshou.contract.file.ContractFileReader(new ContractValidator(CalendarSource.shipped()))
                .read(tw.yanshou.CourtCase.text()).contract();
    }

    /**
     * A one-item contract for rule tests: item A at {@code price}, 1‰ a day on the late items, cap 10 %, one
     * milestone M due {@code days} calendar days from the signing on {@code signedOn}, and the given events.
     */
    static Contract simple(String signedOn, long price, int days, ContractEvent... events) {
        return simple(signedOn, List.of(new Item("A", "item A", amount(price))),
                List.of(new Milestone("M", "milestone M", List.of("A"), new DueRule.Relative(days, Anchor.SIGNED))),
                PenaltyBasis.LATE_ITEMS, events);
    }

    static Contract simple(String signedOn, List<Item> items, List<Milestone> milestones, PenaltyBasis basis,
                           ContractEvent... events) {
        Terms terms = new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(BigDecimal.ONE, basis, BigDecimal.TEN, BigDecimal.TEN), null);
        return new Contract("T-1", d(signedOn), items, terms, milestones, new ArrayList<>(List.of(events)), List.of());
    }

    static Contract withTerms(Contract c, Terms terms) {
        return new Contract(c.number(), c.signedOn(), c.items(), terms, c.milestones(), c.events(), c.claims());
    }

    static Contract withEvents(Contract c, List<ContractEvent> events) {
        return new Contract(c.number(), c.signedOn(), c.items(), c.terms(), c.milestones(), events, c.claims());
    }

    static Contract withClaims(Contract c, List<Claim> claims) {
        return new Contract(c.number(), c.signedOn(), c.items(), c.terms(), c.milestones(), c.events(), claims);
    }
}
