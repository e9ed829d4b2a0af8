package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.WRITER;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.calculus.Violation;

/** The golden case read from its contract file gives the judgment's figures (臺灣高等法院111年度上字第122號). */
class CourtCaseFileTest {
    private static final StatementCalculator CALCULATOR = new StatementCalculator(CalendarSource.shipped());

    @Test
    void givesTheCourtsFiguresFromTheFile() {
        Statement s = CALCULATOR.statement(READER.read(ContractFiles.courtCase()).contract(), LocalDate.parse("2024-06-25"));
        assertThat(s.lines()).extracting(Statement.Line::days).containsExactly(28L, 56L, 7L, 119L);
        assertThat(s.penalty()).isEqualByComparingTo("6615840");
        assertThat(s.cap().amount()).isEqualByComparingTo("2076000");
        assertThat(s.cap().reachedOn()).isEqualTo(LocalDate.parse("2019-09-12"));
        assertThat(s.terminationRightOn()).isEqualTo(LocalDate.parse("2019-09-12"));
        Statement.ClaimStatement claim = s.claims().get(0);
        assertThat(claim.formulas()).containsExactly("10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400", "990,000 × 4‰ × 56 = 221,760");
        assertThat(claim.penalty()).isEqualByComparingTo("4166160");
        assertThat(claim.afterReductions()).isEqualByComparingTo("2083080");
        assertThat(claim.net()).isEqualByComparingTo("1033080");
        assertThat(claim.interestDays()).isEqualTo(1477);
        assertThat(claim.interest()).isEqualByComparingTo("209022");
        Statement early = CALCULATOR.statement(READER.read(ContractFiles.courtCase()).contract(), LocalDate.parse("2019-11-01"));
        assertThat(early.penalty()).isEqualByComparingTo("4124640");
    }

    @Test
    void exportedAndReadAgainGivesTheSameStatement() {
        ContractFile file = READER.read(ContractFiles.courtCase());
        LocalDate asOf = LocalDate.parse("2024-06-25");
        Statement original = CALCULATOR.statement(file.contract(), asOf);
        assertThat(CALCULATOR.statement(READER.read(WRITER.toYaml(file)).contract(), asOf)).isEqualTo(original);
        assertThat(CALCULATOR.statement(READER.read(WRITER.toJson(file)).contract(), asOf)).isEqualTo(original);
    }

    @Test
    void readsOneEventAsWrittenInAFile() {
        ContractEvent event = READER.readEvent("{ date: 2019-01-25, type: INSPECTION_FAILED, milestone: FACTORY_INSPECTION, cureBy: 108/02/15 }");
        assertThat(event).isEqualTo(new ContractEvent.InspectionFailed(LocalDate.parse("2019-01-25"), "FACTORY_INSPECTION",
                null, LocalDate.parse("2019-02-15"), null));
        assertThat(READER.readEvent(WRITER.eventJson(event))).isEqualTo(event);
    }

    @Test
    void collectsEveryProblemOfOneEvent() {
        assertThatThrownBy(() -> READER.readEvent("{ \"date\": \"2019-02-30\", \"type\": \"TENDERED\", \"colour\": 1 }"))
                .isInstanceOfSatisfying(InvalidContractException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("event.date", "event.milestone", "event.colour"));
        assertThatThrownBy(() -> READER.readEvent("{ date: 2019-02-01, type: SHIPPED }"))
                .isInstanceOfSatisfying(InvalidContractException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("event.type"));
    }
}
