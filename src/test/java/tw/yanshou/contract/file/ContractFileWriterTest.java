package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.WRITER;
import static tw.yanshou.contract.file.ContractFiles.courtCase;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

class ContractFileWriterTest {

    /** A file with what the court case does not have: a site, fixed dates, decimals, every event type. */
    private static final String EVERYTHING = """
            format: 1
            contract:
              number: "2024-001"
              title: "Every field"
              buyer: "Test agency"
              vendor: { name: "yes" }
              site: 臺北市
              signedOn: 2024-01-02
              items:
                - { code: A, name: "Item: A", amount: 100000 }
                - { code: B, amount: 0 }
            terms:
              deadlineDays: WORKING
              lastDayRollover: false
              penalty: { ratePerMille: 0.5, basis: CONTRACT_TOTAL, rounding: DAY, terminationRightAtPercent: 12.5 }
              linkedContracts:
                - { number: "2024-001-M", kind: MAINTENANCE, amount: 5000 }
            milestones:
              - { id: M, items: [A], due: { date: 2024-03-01 } }
              - { id: N, name: "N", items: [A, B], due: { days: 5, from: M.TENDERED } }
            events:
              - { date: 2024-01-10, type: EXCUSED, from: 2024-01-10, to: 2024-01-12, note: "typhoon" }
              - { date: 2024-01-15, type: AMENDED, items: [ { code: A, amount: 90000 }, { code: C, name: "C", amount: 1 } ] }
              - { date: 2024-01-16, type: AMENDED, items: [ { code: D, name: "D", amount: 2, milestone: N } ], reason: "追加" }
              - { date: 2024-01-20, type: EXTENDED, milestone: M, days: 10, note: "颱風" }
              - { date: 2024-01-21, type: EXTENDED, milestone: M, to: 2024-03-29 }
              - { date: 2024-02-01, type: MEDIATION_FILED }
              - { date: 2024-02-20, type: MEDIATION_CONCLUDED, outcome: SETTLED, completionDeadline: { date: 2024-04-30 }, resetDue: true }
              - { date: 2024-02-21, type: TENDERED, milestone: M, items: [A], note: "" }
              - { date: 2024-02-22, type: INSPECTION_FAILED, milestone: M, cureBy: 2024-02-22 }
              - { date: 2024-02-22, type: TENDERED, milestone: M }
              - { date: 2024-02-23, type: ACCEPTED, milestone: M, items: [A] }
              - { date: 2024-02-24, type: MEDIATION_FILED }
              - { date: 2024-02-25, type: MEDIATION_CONCLUDED, outcome: SETTLED, completionDeadline: { workingDays: 40 } }
              - { date: 2024-03-01, type: TERMINATED }
            claims:
              - accrualThrough: 2024-03-01
                reductions: [ { percent: 33.3 }, { percent: 10, reason: "again" } ]
                interest: { ratePercent: 1.5, from: 2024-04-01, through: 2024-05-01 }
              - { accrualThrough: 2024-02-01 }
            """;

    static Stream<Arguments> filesAndFormats() {
        BiFunction<ContractFileWriter, ContractFile, String> yaml = ContractFileWriter::toYaml;
        BiFunction<ContractFileWriter, ContractFile, String> json = ContractFileWriter::toJson;
        return Stream.of(
                Arguments.of("court case", courtCase(), "YAML", yaml),
                Arguments.of("court case", courtCase(), "JSON", json),
                Arguments.of("every field", EVERYTHING, "YAML", yaml),
                Arguments.of("every field", EVERYTHING, "JSON", json));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("filesAndFormats")
    void writesAFileThatReadsBackEqual(String name, String text, String format,
                                       BiFunction<ContractFileWriter, ContractFile, String> write) {
        ContractFile file = READER.read(text);

        String written = write.apply(WRITER, file);

        assertThat(READER.read(written)).isEqualTo(file);
        assertThat(written).doesNotContain("null");
    }

    @Test
    void writesTheFormatAndTheQuotedContractNumber() {
        ContractFile file = READER.read(courtCase());

        assertThat(WRITER.toYaml(file)).startsWith("format: 1\n").contains("number: \"107-ILOCKER-30\"");
        assertThat(WRITER.toJson(file)).contains("\"format\" : 1", "\"number\" : \"107-ILOCKER-30\"");
    }

    @Test
    void writesTheCourtCaseAsTheExampleSaysIt() throws Exception {
        YAMLMapper yaml = new YAMLMapper();

        String written = WRITER.toYaml(READER.read(courtCase()));

        // the export writes the defaults out; the court case's file leaves out rounding (FORMULA)
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(courtCase());
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/terms/penalty")).put("rounding", "FORMULA");
        assertThat(yaml.readTree(written)).isEqualTo(expected);
        assertThat(written).doesNotStartWith("---")
                .contains("signedOn: 2018-10-18", "amount: 9390000", "from: FACTORY_INSPECTION.ACCEPTED",
                        "type: MEDIATION_CONCLUDED", "name: \"慶臻實業有限公司\"");
    }

    @Test
    void leavesOutDefaultsAndEmptyFields() {
        String written = WRITER.toYaml(READER.read(EVERYTHING));

        assertThat(written).doesNotContain("cureBy", "capWaived", "bondOffset", "terminatesWithThis", "capPercent",
                "performanceBond:", "note: \"\"");
        assertThat(written).contains("resetDue: true", "ratePerMille: 0.5", "rounding: DAY", "workingDays: 40", "percent: 33.3", "reason: \"typhoon\"",
                "name: \"yes\"");
    }
}
