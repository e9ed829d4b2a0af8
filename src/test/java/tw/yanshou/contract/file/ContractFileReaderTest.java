package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.SMALL;
import static tw.yanshou.contract.file.ContractFiles.courtCase;
import static tw.yanshou.contract.file.ContractFiles.small;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import tw.yanshou.calculus.Anchor;
import tw.yanshou.calculus.Claim;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.DateRange;
import tw.yanshou.calculus.DeadlineDays;
import tw.yanshou.calculus.DueRule;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.PenaltyBasis;
import tw.yanshou.calculus.Period;
import tw.yanshou.calculus.Rounding;
import tw.yanshou.calculus.Violation;

class ContractFileReaderTest {

    private static LocalDate d(String iso) { return LocalDate.parse(iso); }

    private static BigDecimal amount(long value) { return BigDecimal.valueOf(value); }

    private static List<Violation> violationsOf(String text) {
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class, () -> READER.read(text));
        assertThat(e).as("the file is refused").isNotNull();
        return e.violations();
    }

    private static List<String> pathsOf(String text) {
        return violationsOf(text).stream().map(Violation::path).toList();
    }

    private static String messageAt(String text, String path) {
        return violationsOf(text).stream().filter(v -> v.path().equals(path)).map(Violation::message)
                .findFirst().orElseThrow(() -> new AssertionError("no violation at " + path + ": " + violationsOf(text)));
    }

    // ----------------------------------------------------------------------------------------- the court case

    @Test
    void readsTheFileOfTheCourtCase() {
        ContractFile file = READER.read(courtCase());

        assertThat(file.format()).isEqualTo(1);
        assertThat(file.number()).isEqualTo("107-ILOCKER-30");
        assertThat(file.title()).isEqualTo("i郵箱30座設備");
        assertThat(file.buyer()).isEqualTo("中華郵政股份有限公司");
        assertThat(file.vendor()).isEqualTo(new ContractFile.Vendor("vendor-ching-chen", "慶臻實業有限公司"));
        assertThat(file.currency()).isEqualTo("TWD");
        assertThat(file.linkedContracts()).containsExactly(new ContractFile.LinkedContract(
                "107-ILOCKER-30-M", "MAINTENANCE", amount(1_700_000), amount(170_000), true));

        Contract contract = file.contract();
        assertThat(contract.number()).isEqualTo("107-ILOCKER-30");
        assertThat(contract.signedOn()).isEqualTo(d("2018-10-18"));
        assertThat(contract.items()).containsExactly(
                new Item("HW", "i郵箱櫃體 (前臺主櫃30臺、B列從櫃60臺、C列從櫃90臺)", amount(9_390_000)),
                new Item("SW", "前臺櫃體應用軟體程式及介接API", amount(990_000)));
        assertThat(contract.total()).isEqualByComparingTo("10380000");
    }

    @Test
    void readsTheTermsOfTheCourtCase() {
        var terms = READER.read(courtCase()).contract().terms();

        assertThat(terms.calendar()).isEqualTo("TW");
        assertThat(terms.site()).isNull();
        assertThat(terms.deadlineDays()).isEqualTo(DeadlineDays.CALENDAR);
        assertThat(terms.lastDayRollover()).isTrue();
        assertThat(terms.penalty().ratePerMille()).isEqualByComparingTo("4");
        assertThat(terms.penalty().basis()).isEqualTo(PenaltyBasis.LATE_ITEMS);
        assertThat(terms.penalty().capPercent()).isEqualByComparingTo("20");
        assertThat(terms.penalty().terminationRightAtPercent()).isEqualByComparingTo("20");
        assertThat(terms.performanceBond()).isEqualByComparingTo("1050000");
    }

    @Test
    void readsTheMilestonesOfTheCourtCaseWithTheirDueRules() {
        assertThat(READER.read(courtCase()).contract().milestones()).containsExactly(
                new Milestone("FACTORY_INSPECTION", "廠驗 (第1階段驗收)", List.of("HW"), new DueRule.Relative(60, Anchor.SIGNED)),
                new Milestone("TEST_REPORT", "系統測試報告書", List.of("SW"), new DueRule.Relative(60, Anchor.SIGNED)),
                new Milestone("STAGE2", "交貨安裝 (第2階段驗收)", List.of("HW", "SW"),
                        new DueRule.Relative(20, Anchor.accepted("FACTORY_INSPECTION"))));
    }

    @Test
    void readsTheTenEventsOfTheCourtCaseInFileOrder() {
        List<ContractEvent> events = READER.read(courtCase()).contract().events();

        assertThat(events).extracting(ContractEvent::type).containsExactly(
                "TENDERED", "INSPECTION_FAILED", "TENDERED", "ACCEPTED", "MEDIATION_FILED", "MEDIATION_CONCLUDED",
                "TENDERED", "TENDERED", "INSPECTION_FAILED", "TERMINATED");
        assertThat(events).extracting(ContractEvent::date).containsExactly(
                d("2019-01-14"), d("2019-01-25"), d("2019-02-15"), d("2019-02-19"), d("2019-03-19"), d("2019-09-02"),
                d("2019-10-31"), d("2019-10-31"), d("2019-11-05"), d("2019-12-30"));
        assertThat(events).containsExactly(
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
    }

    @Test
    void takesTheCureDeadlineFromTheFileOrTheDayOfTheInspection() {
        List<ContractEvent> events = READER.read(courtCase()).contract().events();

        assertThat(((InspectionFailed) events.get(1)).cureBy()).isEqualTo(d("2019-02-15"));
        assertThat(((InspectionFailed) events.get(8)).cureBy()).isEqualTo(d("2019-11-05"));
    }

    @Test
    void readsTheSettlementOfTheCourtCase() {
        var settlement = (MediationConcluded) READER.read(courtCase()).contract().events().get(5);

        assertThat(settlement.outcome()).isEqualTo(Outcome.SETTLED);
        assertThat(settlement.excused()).isEqualTo(new DateRange(d("2019-03-19"), d("2019-09-02")));
        assertThat(settlement.completionDeadline()).isEqualTo(Period.ofDays(60));
        assertThat(settlement.capWaived()).isTrue();
        assertThat(settlement.resetDue()).isFalse();
    }

    @Test
    void readsTheClaimOfTheCourtCase() {
        assertThat(READER.read(courtCase()).contract().claims()).containsExactly(new Claim(d("2019-11-01"),
                List.of(new Claim.Reduction(amount(50), "民法第252條酌減 (臺灣高等法院111年度上字第122號)")),
                amount(1_050_000), new Claim.Interest(amount(5), d("2020-06-10"), null)));
    }

    @Test
    void readsTheCourtCaseWrittenAsJsonTheSameAsYaml() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(courtCase()));
        assertThat(json).startsWith("{");

        assertThat(READER.read(json)).isEqualTo(READER.read(courtCase()));
    }

    // ----------------------------------------------------------------------------------------- dates and defaults

    @ParameterizedTest
    @ValueSource(strings = {"2019-01-20", "\"2019-01-20\"", "108/01/20", "108/1/20", "108年1月20日", "民國108年1月20日",
            "1080120", "\"1080120\"", "108.01.20"})
    void readsIsoAndRocDates(String written) {
        ContractFile file = READER.read(small("date: 2019-01-20", "date: " + written));

        assertThat(file.contract().events().get(0).date()).isEqualTo(d("2019-01-20"));
    }

    @Test
    void appliesTheDefaultsOfTheFormat() {
        ContractFile file = READER.read(SMALL);

        assertThat(file.currency()).isEqualTo("TWD");
        assertThat(file.linkedContracts()).isEmpty();
        var terms = file.contract().terms();
        assertThat(terms.calendar()).isEqualTo("TW");
        assertThat(terms.deadlineDays()).isEqualTo(DeadlineDays.CALENDAR);
        assertThat(terms.lastDayRollover()).isTrue();
        assertThat(terms.penalty().basis()).isEqualTo(PenaltyBasis.LATE_ITEMS);
        assertThat(terms.penalty().rounding()).isEqualTo(Rounding.FORMULA);
        assertThat(terms.penalty().terminationRightAtPercent()).isNull();
        assertThat(terms.performanceBond()).isNull();
        Claim claim = file.contract().claims().get(0);
        assertThat(claim.bondOffset()).isEqualByComparingTo("0");
        assertThat(claim.interest()).isNull();
    }

    @Test
    void readsTheRoundingAndAWorkingDayCompletionDeadline() {
        ContractFile file = READER.read(small("penalty: { ratePerMille: 1, capPercent: 20 }",
                "penalty: { ratePerMille: 1.5, rounding: DAY, capPercent: 20 }").replace(
                "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n",
                "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n"
                        + "  - { date: 2019-02-01, type: MEDIATION_FILED }\n"
                        + "  - { date: 2019-02-20, type: MEDIATION_CONCLUDED, outcome: SETTLED, completionDeadline: { workingDays: 40 } }\n"));

        assertThat(file.contract().terms().penalty().rounding()).isEqualTo(Rounding.DAY);
        assertThat(((MediationConcluded) file.contract().events().get(3)).completionDeadline()).isEqualTo(Period.ofWorkingDays(40));
    }

    static Stream<Arguments> badRoundingsAndDeadlines() {
        return Stream.of(
                Arguments.of("penalty: { ratePerMille: 1, rounding: LINE }", "terms.penalty.rounding",
                        "terms.penalty.rounding: must be one of FORMULA, DAY, was \"LINE\""),
                Arguments.of("completionDeadline: { days: 30, workingDays: 20 }", "events[3].completionDeadline",
                        "events[3].completionDeadline: give one of days, workingDays or a date, not several"),
                Arguments.of("completionDeadline: { workingDays: -1 }", "events[3].completionDeadline.workingDays", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRoundingsAndDeadlines")
    void refusesABadRoundingOrDeadline(String replacement, String path, String message) {
        String text = SMALL.replace("  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n",
                "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n"
                        + "  - { date: 2019-02-01, type: MEDIATION_FILED }\n"
                        + "  - { date: 2019-02-20, type: MEDIATION_CONCLUDED, outcome: SETTLED, completionDeadline: { days: 30 } }\n");
        String bad = replacement.startsWith("penalty")
                ? text.replace("penalty: { ratePerMille: 1, capPercent: 20 }", replacement)
                : text.replace("completionDeadline: { days: 30 }", replacement);
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class, () -> READER.read(bad));
        assertThat(e.violations()).extracting(Violation::path).contains(path);
        if (message != null) assertThat(e.violations()).extracting(Violation::toString).contains(message);
    }

    @Test
    void takesTheStatutoryInterestRateWhenNoneIsGiven() {
        ContractFile file = READER.read(small("{ accrualThrough: 2019-06-30 }",
                "{ accrualThrough: 2019-06-30, interest: { from: 2019-07-10, through: 2019-12-31 } }"));

        assertThat(file.contract().claims().get(0).interest())
                .isEqualTo(new Claim.Interest(amount(5), d("2019-07-10"), d("2019-12-31")));
    }

    @Test
    void readsTheSiteFixedDueDatesDecimalRatesAndEveryEventType() {
        ContractFile file = READER.read("""
                format: 1
                contract:
                  number: "T-2"
                  site: 臺北市
                  signedOn: 108/01/02
                  items:
                    - { code: A, amount: 100000 }
                terms:
                  deadlineDays: WORKING
                  lastDayRollover: false
                  penalty: { ratePerMille: 0.5, basis: CONTRACT_TOTAL }
                milestones:
                  - { id: M, items: [A], due: { date: 2019-03-01 } }
                  - { id: N, items: [A], due: { days: 5, from: M.TENDERED } }
                events:
                  - { date: 2019-01-10, type: EXCUSED, from: 2019-01-10, to: 2019-01-12, reason: "typhoon" }
                  - { date: 2019-01-15, type: AMENDED, items: [ { code: A, amount: 90000 }, { code: B, name: "extra", amount: 5000 } ], note: "減價收受" }
                  - { date: 2019-02-01, type: MEDIATION_FILED }
                  - { date: 2019-02-20, type: MEDIATION_CONCLUDED, outcome: SETTLED, completionDeadline: { date: 2019-04-30 }, resetDue: true }
                  - { date: 2019-02-21, type: TENDERED, milestone: M, items: [A] }
                """);

        Contract contract = file.contract();
        assertThat(contract.terms().site()).isEqualTo("臺北市");
        assertThat(contract.terms().deadlineDays()).isEqualTo(DeadlineDays.WORKING);
        assertThat(contract.terms().lastDayRollover()).isFalse();
        assertThat(contract.terms().penalty().ratePerMille()).isEqualByComparingTo("0.5");
        assertThat(contract.terms().penalty().basis()).isEqualTo(PenaltyBasis.CONTRACT_TOTAL);
        assertThat(contract.signedOn()).isEqualTo(d("2019-01-02"));
        assertThat(contract.milestones()).extracting(Milestone::due).containsExactly(
                new DueRule.Fixed(d("2019-03-01")), new DueRule.Relative(5, Anchor.tendered("M")));
        assertThat(contract.events()).containsExactly(
                new Excused(d("2019-01-10"), new DateRange(d("2019-01-10"), d("2019-01-12")), "typhoon"),
                new Amended(d("2019-01-15"), List.of(new ItemChange("A", null, amount(90_000)),
                        new ItemChange("B", "extra", amount(5_000))), "減價收受"),
                new MediationFiled(d("2019-02-01"), null),
                new MediationConcluded(d("2019-02-20"), Outcome.SETTLED, null, Period.on(d("2019-04-30")), true, false, null),
                new Tendered(d("2019-02-21"), "M", List.of("A"), null));
    }

    @Test
    void readsExtensionsAndItemsAddedToMilestones() {
        ContractFile file = READER.read(small("""
                  - { date: 2019-01-20, type: TENDERED, milestone: DELIVERY }
                  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }
                """, """
                  - { date: 2019-01-10, type: AMENDED, items: [ { code: CABLE, name: "Cables", amount: 50000, milestone: DELIVERY } ], reason: "追加" }
                  - { date: 2019-01-12, type: EXTENDED, milestone: DELIVERY, days: 10, reason: "颱風停工" }
                  - { date: 108/01/15, type: EXTENDED, milestone: DELIVERY, to: 108/02/20, note: "機關函同意展延" }
                """));

        assertThat(file.contract().events()).containsExactly(
                new Amended(d("2019-01-10"), List.of(new ItemChange("CABLE", "Cables", amount(50_000), "DELIVERY")), "追加"),
                Extended.byDays(d("2019-01-12"), "DELIVERY", 10, "颱風停工"),
                Extended.to(d("2019-01-15"), "DELIVERY", d("2019-02-20"), "機關函同意展延"));
    }

    static Stream<Arguments> badExtensions() {
        return Stream.of(
                Arguments.of("type: EXTENDED, milestone: DELIVERY", "events[0]",
                        "needs days, e.g. days: 30 (30 more calendar days), or to, e.g. to: 2019-03-31 (the new due date)"),
                Arguments.of("type: EXTENDED, milestone: DELIVERY, days: 5, to: 2019-03-01", "events[0]", "give days or to, not both"),
                Arguments.of("type: EXTENDED, milestone: DELIVERY, days: 0", "events[0].days",
                        "must be at least 1: an extension grants one day or more"),
                Arguments.of("type: EXTENDED, milestone: DELIVERY, days: 2.5", "events[0].days",
                        "must be a whole number of days from 0 to 36500, was 2.5"),
                Arguments.of("type: EXTENDED, days: 5", "events[0].milestone", "is required"),
                Arguments.of("type: EXTENDED, milestone: NOPE, days: 5", "events[0].milestone", "no milestone NOPE"),
                Arguments.of("type: EXTENDED, milestone: DELIVERY, to: 2019-01-25", "events[0].to",
                        "2019-01-25 is before the due date of milestone DELIVERY in force on 2019-01-20 (2019-02-01): an "
                                + "extension cannot shorten it"),
                Arguments.of("type: EXTENDED, milestone: DELIVERY, days: 5, cureBy: 2019-03-01", "events[0].cureBy",
                        "is not a field of type EXTENDED; its fields are date, type, milestone, days, to, reason, note"),
                Arguments.of("type: AMENDED, items: [ { code: X, name: x, amount: 1, milestone: NOPE } ]",
                        "events[0].items[0].milestone", "no milestone NOPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExtensions")
    void refusesABadExtensionOrAddition(String event, String path, String message) {
        // the first event becomes the given one dated 2019-01-20 (DELIVERY is due 30 days from 2019-01-02: 2019-02-01)
        String text = small("  - { date: 2019-01-20, type: TENDERED, milestone: DELIVERY }\n"
                + "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n", "  - { date: 2019-01-20, " + event + " }\n");
        assertThat(messageAt(text, path)).isEqualTo(message);
    }

    @Test
    void keepsTheFileOrderOfEventsRecordedOutOfDateOrder() {
        ContractFile file = READER.read(small(
                "  - { date: 2019-01-20, type: TENDERED, milestone: DELIVERY }\n"
                        + "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n",
                "  - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }\n"
                        + "  - { date: 2019-01-20, type: TENDERED, milestone: DELIVERY }\n"));

        assertThat(file.contract().events()).extracting(ContractEvent::type).containsExactly("ACCEPTED", "TENDERED");
    }

    // ----------------------------------------------------------------------------------------- broken files

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("five problems in one file", """
                        format: 1
                        contract:
                          number: "T-1"
                          signedOn: 2019-01-02
                          items:
                            - { code: HW, amount: 1000000 }
                            - { code: SW, amount: -5 }
                        terms:
                          penalty: { ratePerMille: 1 }
                        milestones:
                          - { id: DELIVERY, items: [HW], due: { days: 30, from: SIGNED } }
                          - { id: SOFTWARE, items: [SW], due: { days: 30, from: SIGNED } }
                        events:
                          - { date: 2019-01-10, type: ACCEPTED, milestone: DELIVERY }
                          - { date: 2019-01-12, type: TENDERED, milestone: NOPE }
                          - { date: 2019-02-30, type: TENDERED, milestone: SOFTWARE }
                          - { date: 2019-03-01, type: SHIPPED, milestone: SOFTWARE }
                        """, List.of("contract.items[1].amount", "events[0]", "events[1].milestone", "events[2].date",
                        "events[3].type")),
                Arguments.of("a misspelt field", small("amount: 200000", "ammount: 200000"),
                        List.of("contract.items[1].ammount", "contract.items[1].amount")),
                Arguments.of("unknown fields at every level", small("format: 1", "format: 1\nmilestone: []")
                                .replace("title:", "titel:").replace("capPercent", "capPrecent")
                                .replace("type: ACCEPTED", "type: ACCEPTED, cureBy: 2019-02-01"),
                        List.of("milestone", "contract.titel", "terms.penalty.capPrecent", "events[1].cureBy")),
                Arguments.of("wrong types", small("penalty: { ratePerMille: 1, capPercent: 20 }",
                                "deadlineDays: DAYS\n  lastDayRollover: maybe\n  penalty: { ratePerMille: abc, capPercent: [20] }")
                                .replace("items: [HW]", "items: HW")
                                .replace("days: 10,", "days: 2.5,"),
                        List.of("terms.deadlineDays", "terms.lastDayRollover", "terms.penalty.ratePerMille",
                                "terms.penalty.capPercent", "milestones[0].items", "milestones[1].due.days")),
                Arguments.of("amounts with cents, thousands separators or quotes",
                        small("amount: 1000000", "amount: 1000000.50").replace("amount: 200000", "amount: \"200,000\"")
                                .replace("vendor:", "performanceBondX: 1\n  vendor:"),
                        List.of("contract.performanceBondX", "contract.items[0].amount", "contract.items[1].amount")),
                Arguments.of("percentages over 100", small("capPercent: 20", "capPercent: 120, terminationRightAtPercent: 101")
                                .replace("{ accrualThrough: 2019-06-30 }",
                                        "{ accrualThrough: 2019-06-30, reductions: [ { percent: 150 } ] }"),
                        List.of("terms.penalty.capPercent", "terms.penalty.terminationRightAtPercent",
                                "claims[0].reductions[0].percent")),
                Arguments.of("missing required fields", small("  number: \"T-1\"\n", "")
                                .replace("  signedOn: 2019-01-02\n", "")
                                .replace("due: { days: 30, from: SIGNED }", "due: { days: 30 }")
                                .replace("{ date: 2019-01-20, type: TENDERED, milestone: DELIVERY }", "{ type: TENDERED }")
                                .replace("{ accrualThrough: 2019-06-30 }", "{ bondOffset: 0 }"),
                        List.of("contract.number", "contract.signedOn", "milestones[0].due.from", "events[0].date",
                                "events[0].milestone", "claims[0].accrualThrough")),
                Arguments.of("missing sections", "format: 1\ncontract: { number: \"T-1\", signedOn: 2019-01-02 }\n",
                        List.of("contract.items", "terms", "milestones")),
                Arguments.of("no format", small("format: 1\n", ""), List.of("format")),
                Arguments.of("a format from the future", small("format: 1", "format: 2").replace("amount: 200000", "amount: -1"),
                        List.of("format")),
                Arguments.of("a YAML syntax error", small("name: \"Hardware\"", "name: \"Hardware"), List.of("$")),
                Arguments.of("a JSON syntax error", "{ \"format\": 1, \"contract\": { \"number\": \"T-1\", } }", List.of("$")),
                Arguments.of("a key given twice", small("format: 1", "format: 1\nformat: 1"), List.of("$")),
                Arguments.of("an empty file", "  \n", List.of("$")),
                Arguments.of("a list instead of a file", "- format: 1\n", List.of("$")),
                Arguments.of("an event before the signing", small("date: 2019-01-20", "date: 2018-12-31"),
                        List.of("events[0].date")),
                Arguments.of("a due rule in both forms and from an unknown milestone",
                        small("due: { days: 30, from: SIGNED }", "due: { days: 30, from: SIGNED, date: 2019-02-01 }")
                                .replace("from: DELIVERY.ACCEPTED", "from: NOPE.ACCEPTED"),
                        List.of("milestones[0].due", "milestones[1].due.from")),
                Arguments.of("an anchor that is neither SIGNED nor a tender or acceptance",
                        small("from: DELIVERY.ACCEPTED", "from: DELIVERY.DONE"), List.of("milestones[1].due.from")),
                Arguments.of("a milestone of an item that does not exist", small("items: [SW]", "items: [XX]"),
                        List.of("milestones[1].items[0]")),
                Arguments.of("an item listed twice", small("code: SW", "code: HW"),
                        List.of("contract.items[1].code", "milestones[1].items[0]")),
                Arguments.of("acceptances without a tender", small("type: TENDERED", "type: ACCEPTED"),
                        List.of("events[0]", "events[1]")),
                Arguments.of("a cure deadline before the inspection and an impossible one",
                        small("{ date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }",
                                "{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: DELIVERY, cureBy: 2019-01-24 }\n"
                                        + "  - { date: 2019-01-26, type: TENDERED, milestone: DELIVERY }\n"
                                        + "  - { date: 2019-01-27, type: INSPECTION_FAILED, milestone: DELIVERY, cureBy: 108/02/29 }"),
                        List.of("events[1].cureBy", "events[3].cureBy")),
                Arguments.of("an excused range that ends before it starts",
                        small("events:\n", "events:\n  - { date: 2019-01-05, type: EXCUSED, from: 2019-01-09, to: 2019-01-08 }\n"),
                        List.of("events[0].to")),
                Arguments.of("a settlement without outcome, with a deadline in both forms and an unpaired mediation",
                        small("events:\n", "events:\n  - { date: 2019-01-05, type: MEDIATION_CONCLUDED, "
                                + "completionDeadline: { days: 5, date: 2019-02-01 }, capWaived: 1 }\n"
                                + "  - { date: 2019-01-06, type: MEDIATION_CONCLUDED, outcome: SETTLED }\n"),
                        List.of("events[0].outcome", "events[0].completionDeadline", "events[0].capWaived")),
                Arguments.of("an amendment with a negative amount and both reason and note",
                        small("events:\n", "events:\n  - { date: 2019-01-05, type: AMENDED, reason: r, note: n, "
                                + "items: [ { code: HW, amount: -1 }, { amount: 5 } ] }\n"),
                        List.of("events[0].items[0].amount", "events[0].items[1].code", "events[0].note")),
                Arguments.of("a mediation concluded that was never filed",
                        small("events:\n", "events:\n  - { date: 2019-01-05, type: MEDIATION_CONCLUDED, outcome: FAILED }\n"),
                        List.of("events[0]")),
                Arguments.of("a claim with interest paid before it runs, a negative bond offset and an impossible date",
                        small("{ accrualThrough: 2019-06-30 }", "{ accrualThrough: 2019-06-31, bondOffset: -1, "
                                + "interest: { ratePercent: -2, from: 2019-07-10, through: 2019-07-01 } }"),
                        List.of("claims[0].accrualThrough", "claims[0].bondOffset", "claims[0].interest.ratePercent",
                                "claims[0].interest.through")),
                Arguments.of("a linked contract without amount, twice, and this contract itself",
                        small("capPercent: 20 }", "capPercent: 20 }\n  linkedContracts:\n"
                                + "    - { number: \"T-1-M\", kind: MAINTENANCE }\n"
                                + "    - { number: \"T-1-M\", kind: MAINTENANCE, amount: 5 }\n"
                                + "    - { number: \"T-1\", kind: MAINTENANCE, amount: 5 }"),
                        List.of("terms.linkedContracts[0].amount", "terms.linkedContracts[1].number",
                                "terms.linkedContracts[2].number")),
                Arguments.of("a currency other than TWD and a vendor without name",
                        small("signedOn:", "currency: USD\n  signedOn:").replace("name: \"Test vendor\"", "nom: x"),
                        List.of("contract.vendor.nom", "contract.vendor.name", "contract.currency")),
                Arguments.of("an unknown calendar", small("penalty:", "calendar: XX\n  penalty:"), List.of("terms.calendar")),
                Arguments.of("due rules that count from each other",
                        small("due: { days: 30, from: SIGNED }", "due: { days: 30, from: SOFTWARE.TENDERED }"),
                        List.of("milestones[0].due.from", "milestones[1].due.from")),
                Arguments.of("events of a left-out event's day and later are not judged on their state",
                        small("{ date: 2019-01-20, type: TENDERED, milestone: DELIVERY }",
                                "{ date: 2019-01-20, type: TENDRED, milestone: DELIVERY }"),
                        List.of("events[0].type")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsEveryProblemOfABrokenFileWithItsPath(String problem, String text, List<String> paths) {
        assertThat(pathsOf(text)).containsExactlyInAnyOrderElementsOf(paths);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(small("ratePerMille: 1", "ratePerMille: abc"), "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was \"abc\""),
                Arguments.of(small("amount: 200000", "amount: -5"), "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was -5"),
                Arguments.of(small("amount: 200000", "amount: \"200,000\""), "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was \"200,000\" (write the number without separators: 200000)"),
                Arguments.of(small("  signedOn: 2019-01-02\n", ""), "contract.signedOn", "is required"),
                Arguments.of(small("date: 2019-01-20", "date: 2019-02-30"), "events[0].date",
                        "\"2019-02-30\" is not a real date: February 2019 has 28 days"),
                Arguments.of(small("penalty:", "deadlineDays: DAYS\n  penalty:"), "terms.deadlineDays",
                        "must be one of CALENDAR, WORKING, was \"DAYS\""),
                Arguments.of(small("amount: 200000", "ammount: 200000"), "contract.items[1].ammount",
                        "unknown field \"ammount\"; did you mean \"amount\"?"),
                Arguments.of(small("milestone: DELIVERY }", "milestone: NOPE }"), "events[0].milestone", "no milestone NOPE"),
                Arguments.of(small("from: DELIVERY.ACCEPTED", "from: NOPE.ACCEPTED"), "milestones[1].due.from",
                        "no milestone NOPE"),
                Arguments.of(small("format: 1", "format: 2"), "format", "unsupported format 2; this server reads format 1"),
                Arguments.of(small("type: TENDERED", "type: SHIPPED"), "events[0].type",
                        "unknown event type \"SHIPPED\"; known types: TENDERED, INSPECTION_FAILED, ACCEPTED, EXCUSED, "
                                + "MEDIATION_FILED, MEDIATION_CONCLUDED, AMENDED, EXTENDED, TERMINATED, DELIVERED, DELIVERY_ACKNOWLEDGED"),
                Arguments.of(small("type: ACCEPTED", "type: ACCEPTED, cureBy: 2019-02-01"), "events[1].cureBy",
                        "is not a field of type ACCEPTED; its fields are date, type, milestone, items, results, inspectors, note"),
                Arguments.of(small("type: TENDERED", "type: ACCEPTED"), "events[1]",
                        "no tender of milestone DELIVERY is awaiting a result: an acceptance needs a tender first"),
                Arguments.of(small("date: 2019-01-20", "date: 2018-12-31"), "events[0].date",
                        "2018-12-31 is before the contract was signed (2019-01-02)"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("messages")
    void saysWhatIsWrongSoThatTheUserCanFixIt(String text, String path, String message) {
        assertThat(messageAt(text, path)).isEqualTo(message);
    }

    @Test
    void pointsToTheLineOfASyntaxError() {
        assertThat(messageAt(small("name: \"Hardware\"", "name: \"Hardware"), "$"))
                .startsWith("not valid YAML: line ");
        assertThat(messageAt("{ \"format\": 1,, }", "$")).startsWith("not valid JSON: line 1, column ");
    }

    @Test
    void mapsTheValidatorsPathsToTheFileWhenEventsAreLeftOut() {
        String text = small("events:\n", "events:\n  - { date: 2019-01-05, type: SHIPPED }\n")
                .replace("date: 2019-01-25", "date: 2018-12-25");

        assertThat(pathsOf(text)).containsExactlyInAnyOrder("events[0].type", "events[2].date");
    }

    @Test
    void listsEveryViolationInTheExceptionMessage() {
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class,
                () -> READER.read(small("amount: 200000", "amount: -5").replace("ratePerMille: 1", "ratePerMille: x")));

        assertThat(e.getMessage()).contains("contract.items[1].amount: must be a whole amount ≥ 0 of at most 15 digits, was -5",
                "terms.penalty.ratePerMille: must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was \"x\"");
    }
}
