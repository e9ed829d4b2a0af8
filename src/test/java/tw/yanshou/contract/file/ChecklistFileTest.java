package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.WRITER;
import static tw.yanshou.contract.file.ContractFiles.resource;
import static tw.yanshou.contract.file.ContractFiles.small;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.CourtCase;
import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ChecklistItem;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.calculus.ToleranceStack;
import tw.yanshou.calculus.Violation;

/** Checklists, inspection records, buyer's duties and deliveries in the contract file: read, refused, written back. */
class ChecklistFileTest {

    static final String FILE = "/contracts/ilocker-107-checklist.yaml";
    private static final StatementCalculator CALCULATOR = new StatementCalculator(CalendarSource.shipped());

    /** {@link ContractFiles#SMALL} with a checklist on DELIVERY. */
    static String withChecklist(String checklist) {
        return small("{ id: DELIVERY, name: \"Delivery\", items: [HW], due: { days: 30, from: SIGNED } }",
                "{ id: DELIVERY, name: \"Delivery\", items: [HW], due: { days: 30, from: SIGNED },\n      checklist: "
                        + checklist + " }");
    }

    static final String CHECKLIST = "[ { id: W, name: \"寬度\", kind: MEASURE, nominal: 600, tolerance: 10, unit: mm, spec: \"規範 3.2.1\" },"
            + " { id: D, kind: MEASURE, min: 450.5, max: 460, unit: mm }, { id: LOCK, kind: PASS_FAIL },"
            + " { id: C, kind: CHOICE, allowed: [\"銀灰\", \"白\"] } ]";

    private static List<Violation> violationsOf(String text) {
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class, () -> READER.read(text));
        assertThat(e).as("the file is refused").isNotNull();
        return e.violations();
    }

    @Test
    void readsTheCourtCasesWidthsAsAChecklistWithItsAssembly() {
        ContractFile file = READER.read(resource(FILE));
        Milestone factory = file.contract().milestone("FACTORY_INSPECTION").orElseThrow();

        assertThat(factory.checklist()).extracting(ChecklistItem::id).containsExactly("W_MAIN", "W_B", "W_C", "W_ALL");
        ChecklistItem all = factory.checklistItem("W_ALL").orElseThrow();
        assertThat(all.requirement()).isEqualTo("2560 ± 20 mm");
        assertThat(all.spec()).isEqualTo("採購規範第19頁");
        assertThat(all.parts()).containsExactly(new ChecklistItem.Part("W_MAIN", 1), new ChecklistItem.Part("W_B", 2),
                new ChecklistItem.Part("W_C", 2));
        assertThat(file.contract().buyerDuties()).extracting(d -> d.id()).containsExactly("API_DOCS", "TEST_CARDS", "MANUAL");
        // 60 days from the day after 2018-10-18: 2018-12-17
        assertThat(file.contract().buyerDuties().get(2).dueOn(file.contract())).contains(LocalDate.of(2018, 12, 17));
        assertThat(file.contract().events()).filteredOn(e -> e instanceof ContractEvent.Delivered)
                .singleElement().isEqualTo(new ContractEvent.Delivered(LocalDate.of(2019, 9, 5), "MANUAL", "提供i郵箱安裝及使用手冊"));
        // the widths stack: 10 + 4 × 20 = ±90 against ±20
        assertThat(ToleranceStack.check(file.contract())).extracting(ToleranceStack.Warning::path)
                .containsExactly("milestones[0].checklist[3]");
    }

    @Test
    void theChecklistAndTheDutiesLeaveTheCourtsFiguresAsTheyAre() {
        var golden = CALCULATOR.statement(READER.read(CourtCase.text()).contract(), CourtCase.AS_OF);
        var withChecklist = CALCULATOR.statement(READER.read(resource(FILE)).contract(), CourtCase.AS_OF);

        assertThat(withChecklist.penalty()).isEqualByComparingTo(golden.penalty());
        assertThat(withChecklist.lines()).isEqualTo(golden.lines());
        assertThat(withChecklist.claims()).isEqualTo(golden.claims());
    }

    @Test
    void writesChecklistsRecordsDutiesAndDeliveriesBackAsTheyWereRead() {
        String text = resource(FILE).replace("{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: FACTORY_INSPECTION,",
                "{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: FACTORY_INSPECTION, inspectors: [\"邱宥豪\"], "
                        + "results: [ { item: W_MAIN, value: 612.5 }, { item: W_ALL, value: 2575 } ],");
        ContractFile file = READER.read(text);

        assertThat(READER.read(WRITER.toYaml(file))).isEqualTo(file);
        assertThat(READER.read(WRITER.toJson(file))).isEqualTo(file);
        assertThat(WRITER.toYaml(file)).contains("value: 612.5").contains("kind: MEASURE").contains("duty: MANUAL");
        ContractEvent.InspectionFailed failed = (ContractEvent.InspectionFailed) file.contract().events().get(1);
        assertThat(failed.record().inspectors()).containsExactly("邱宥豪");
        assertThat(READER.readEvent(WRITER.eventJson(failed))).isEqualTo(failed);
    }

    @Test
    void readsEveryKindOfItem() {
        Milestone m = READER.read(withChecklist(CHECKLIST)).contract().milestone("DELIVERY").orElseThrow();

        assertThat(m.checklist()).extracting(ChecklistItem::requirement)
                .containsExactly("600 ± 10 mm", "450.5 – 460 mm", "PASS", "銀灰 | 白");
    }

    static Stream<Arguments> brokenChecklists() {
        return Stream.of(
                Arguments.of("[ { id: W, kind: MEASURE, nominal: 600, unit: mm } ]", "milestones[0].checklist[0]",
                        "a MEASURE needs nominal and tolerance"),
                Arguments.of("[ { id: W, kind: MEASURE, tolerance: 10, unit: mm } ]", "milestones[0].checklist[0].nominal",
                        "is required with a tolerance"),
                Arguments.of("[ { id: W, kind: MEASURE, nominal: 600, tolerance: 10 } ]", "milestones[0].checklist[0].unit",
                        "is required for a MEASURE"),
                Arguments.of("[ { id: W, kind: MEASURE, nominal: 600, tolerance: -1, unit: mm } ]",
                        "milestones[0].checklist[0].tolerance", "must be a number ≥ 0"),
                Arguments.of("[ { id: W, kind: MEASURE, nominal: 0600, tolerance: 10, unit: mm } ]",
                        "milestones[0].checklist[0].nominal", "YAML 1.1 would read 0600 as an octal number"),
                Arguments.of("[ { id: W, kind: MEASURE, nominal: \"600\", tolerance: 10, unit: mm } ]",
                        "milestones[0].checklist[0].nominal", "(write the number without quotes)"),
                Arguments.of("[ { id: W, kind: MEASURE, min: 10, max: 5, unit: mm } ]", "milestones[0].checklist[0].max",
                        "5 is less than min (10)"),
                Arguments.of("[ { id: L, kind: PASS_FAIL, tolerance: 1 } ]", "milestones[0].checklist[0].tolerance",
                        "is a field of a MEASURE item; this item is PASS_FAIL"),
                Arguments.of("[ { id: C, kind: CHOICE } ]", "milestones[0].checklist[0].allowed", "is required"),
                Arguments.of("[ { id: C, kind: MESURE } ]", "milestones[0].checklist[0].kind",
                        "must be one of MEASURE, PASS_FAIL, CHOICE"),
                Arguments.of("[ { id: C, kind: PASS_FAIL, tol: 1 } ]", "milestones[0].checklist[0].tol", "unknown field"),
                Arguments.of("[ { id: L, kind: PASS_FAIL }, { id: l, kind: PASS_FAIL } ]", "milestones[0].checklist[1].id",
                        "differs from checklist item L only in letter case"),
                Arguments.of("[ { id: L, kind: PASS_FAIL }, { id: L, kind: PASS_FAIL } ]", "milestones[0].checklist[1].id",
                        "checklist item L is listed twice"),
                Arguments.of("[ { id: A, kind: MEASURE, nominal: 1, tolerance: 1, unit: mm, parts: [ { item: X } ] } ]",
                        "milestones[0].checklist[0].parts[0].item", "no checklist item X in this checklist"),
                Arguments.of("[ { id: P, kind: MEASURE, nominal: 1, tolerance: 1, unit: cm },"
                                + " { id: A, kind: MEASURE, nominal: 1, tolerance: 1, unit: mm, parts: [ { item: P, count: 2 } ] } ]",
                        "milestones[0].checklist[1].parts[0].item", "item P is measured in cm, assembly A in mm"),
                Arguments.of("[ { id: A, kind: MEASURE, nominal: 1, tolerance: 1, unit: mm, parts: [ { item: A } ] } ]",
                        "milestones[0].checklist[0].parts[0].item", "an assembly cannot be a part of itself"),
                Arguments.of("[ { id: P, kind: MEASURE, nominal: 1, tolerance: 1, unit: mm },"
                                + " { id: A, kind: MEASURE, nominal: 1, tolerance: 1, unit: mm, parts: [ { item: P, count: 0 } ] } ]",
                        "milestones[0].checklist[1].parts[0].count", "must be a whole number from 1 to 10000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenChecklists")
    void refusesABrokenChecklistWithThePathOfTheField(String checklist, String path, String message) {
        assertThat(violationsOf(withChecklist(checklist)))
                .anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo(path);
                    assertThat(v.message()).contains(message);
                });
    }

    static Stream<Arguments> brokenRecords() {
        String failed = "{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: DELIVERY, results: ";
        return Stream.of(
                // 600 ± 10: 605 passes, so a failure with it alone names no failed item
                Arguments.of(failed + "[ { item: W, value: 605 } ] }", "events[1].results",
                        "every item of this failed inspection passed (W)"),
                Arguments.of(failed + "[ { item: NOPE, value: 605 } ] }", "events[1].results[0].item",
                        "no checklist item NOPE; the items are C, D, LOCK, W"),
                Arguments.of(failed + "[ { item: W, verdict: PASS } ] }", "events[1].results[0].verdict",
                        "item W is a measure: give its value"),
                Arguments.of(failed + "[ { item: W, value: 605, verdict: PASS } ] }", "events[1].results[0]",
                        "give value or verdict, not both"),
                Arguments.of(failed + "[ { item: W, value: 6.05e2x } ] }", "events[1].results[0].value",
                        "must be a number"),
                Arguments.of("{ date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY, inspectors: [\"\"] }",
                        "events[1].inspectors[0]", "must not be empty"),
                Arguments.of("{ date: 2019-01-25, type: DELIVERED, duty: API }", "events[1].duty",
                        "no duty API: the contract lists no buyer's duties"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("brokenRecords")
    void refusesRecordsThatCannotBeJudged(String event, String path, String message) {
        String text = withChecklist(CHECKLIST).replace("{ date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }", event);
        assertThat(text).contains(event);

        assertThat(violationsOf(text)).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
        });
    }

    @Test
    void acceptsAFailedInspectionWithAFailedItem() {
        // 612 is outside 600 ± 10 (590 – 610)
        String text = withChecklist(CHECKLIST).replace("{ date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }",
                "{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: DELIVERY, cureBy: 2019-02-05, "
                        + "results: [ { item: W, value: 612 }, { item: LOCK, verdict: PASS } ], inspectors: [\"王小明\", \"李大華\"] }");

        ContractEvent.InspectionFailed f = (ContractEvent.InspectionFailed) READER.read(text).contract().events().get(1);
        assertThat(f.record().results()).hasSize(2);
        assertThat(f.record().inspectors()).containsExactly("王小明", "李大華");
    }

    @Test
    void refusesABuyerDutyWithoutDueOrNamingAnUnknownMilestone() {
        String text = small("events:\n", "buyerDuties:\n  - { id: API, name: \"API文件\" }\n"
                + "  - { id: CARDS, due: { days: 10, from: NOPE.ACCEPTED } }\nevents:\n");

        assertThat(violationsOf(text)).extracting(Violation::toString)
                .contains("buyerDuties[0].due: is required", "buyerDuties[1].due.from: no milestone NOPE");
    }

    /** The JSON Schema agrees: the checklist file validates, a wrong checklist item or result does not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void theSchemaDescribesChecklistsRecordsAndDuties(String name, String text, boolean valid) throws Exception {
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/tw/yanshou/contract/file/contract-file-1.schema.json"));
        var errors = schema.validate(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text));
        if (valid) assertThat(errors).as(name).isEmpty();
        else assertThat(errors).as(name).isNotEmpty();
    }

    static Stream<Arguments> schemaCases() {
        String file = resource(FILE);
        String failed = "{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: FACTORY_INSPECTION,";
        return Stream.of(
                Arguments.of("the court case with its checklist", file, true),
                Arguments.of("a record", file.replace(failed, failed + " inspectors: [\"邱宥豪\"], results: [ { item: W_MAIN, value: 612.5 } ],"), true),
                Arguments.of("a result with value and verdict", file.replace(failed, failed + " results: [ { item: W_MAIN, value: 1, verdict: PASS } ],"), false),
                Arguments.of("a measure without unit", file.replace("nominal: 600, tolerance: 10, unit: mm,", "nominal: 600, tolerance: 10,"), false),
                Arguments.of("a pass/fail item with a tolerance", file.replace("kind: MEASURE, nominal: 600, tolerance: 10, unit: mm,", "kind: PASS_FAIL, tolerance: 10,"), false),
                Arguments.of("a duty without due", file.replace("name: \"測試卡\", due: { days: 60, from: SIGNED }", "name: \"測試卡\""), false),
                Arguments.of("a delivery without duty", file.replace("type: DELIVERED, duty: MANUAL,", "type: DELIVERED,"), false));
    }
}
