package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;

/** Contracts for tests, as static factories. */
final class Fixtures {
    static final StatementCalculator CALCULATOR = new StatementCalculator(CalendarSource.shipped());

    private Fixtures() { }

    static LocalDate d(String iso) { return LocalDate.parse(iso); }

    static BigDecimal amount(long value) { return BigDecimal.valueOf(value); }

    /**
     * The equipment contract of 臺灣高等法院111年度上字第122號 (the golden case), as in
     * {@code contracts/ilocker-107.yaml}: hardware 9,390,000 and software 990,000, 4‰ a day on the late items,
     * 20 % cap and termination threshold.
     */
    static Contract courtCase() {
        Terms terms = new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(BigDecimal.valueOf(4), PenaltyBasis.LATE_ITEMS, BigDecimal.valueOf(20), BigDecimal.valueOf(20)),
                amount(1_050_000));
        List<Milestone> milestones = List.of(
                new Milestone("FACTORY_INSPECTION", "廠驗 (第1階段驗收)", List.of("HW"), new DueRule.Relative(60, Anchor.SIGNED)),
                new Milestone("TEST_REPORT", "系統測試報告書", List.of("SW"), new DueRule.Relative(60, Anchor.SIGNED)),
                new Milestone("STAGE2", "交貨安裝 (第2階段驗收)", List.of("HW", "SW"),
                        new DueRule.Relative(20, Anchor.accepted("FACTORY_INSPECTION"))));
        List<ContractEvent> events = List.of(
                new Tendered(d("2019-01-14"), "FACTORY_INSPECTION", null, "廠驗通知書送達"),
                new InspectionFailed(d("2019-01-25"), "FACTORY_INSPECTION", null, d("2019-02-15"), "第1階段廠驗部分不合格"),
                new Tendered(d("2019-02-15"), "FACTORY_INSPECTION", null, "複驗"),
                new Accepted(d("2019-02-19"), "FACTORY_INSPECTION", null, "廠驗合格"),
                new MediationFiled(d("2019-03-19"), "向工程會申請調解"),
                new MediationConcluded(d("2019-09-02"), Outcome.SETTLED, new DateRange(d("2019-03-19"), d("2019-09-02")),
                        Period.ofDays(60), false, true, "調解成立書送達機關"),
                new Tendered(d("2019-10-31"), "TEST_REPORT", null, "交付系統測試報告書"),
                new Tendered(d("2019-10-31"), "STAGE2", null, null),
                new InspectionFailed(d("2019-11-05"), "STAGE2", null, null, "審查表25項未通過"),
                new Terminated(d("2019-12-30"), "VENDOR_DEFAULT", "解除設備及維護契約"));
        List<Claim> claims = List.of(new Claim(d("2019-11-01"),
                List.of(new Claim.Reduction(BigDecimal.valueOf(50), "民法第252條酌減")), amount(1_050_000),
                new Claim.Interest(BigDecimal.valueOf(5), d("2020-06-10"), null)));
        return new Contract("107-ILOCKER-30", d("2018-10-18"),
                List.of(new Item("HW", "i郵箱櫃體", amount(9_390_000)), new Item("SW", "前臺櫃體應用軟體程式及介接API", amount(990_000))),
                terms, milestones, events, claims);
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
