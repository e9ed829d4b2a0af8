package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.WRITER;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tw.yanshou.CourtCase;
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
        Statement s = CALCULATOR.statement(READER.read(CourtCase.text()).contract(), CourtCase.AS_OF);
        assertThat(s.lines()).extracting(Statement.Line::days).containsExactlyElementsOf(CourtCase.LINE_DAYS);
        assertThat(s.lines()).extracting(l -> l.amount().longValueExact()).containsExactlyElementsOf(CourtCase.LINE_AMOUNTS);
        assertThat(s.milestones()).extracting(Statement.MilestoneStatus::dueOn)
                .containsExactly(CourtCase.FIRST_DUE, CourtCase.FIRST_DUE, CourtCase.STAGE2_DUE);
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.PENALTY));
        assertThat(s.cap().amount()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CAP));
        assertThat(s.cap().waived()).isTrue();
        assertThat(s.cap().reachedOn()).isEqualTo(CourtCase.CAP_REACHED_ON);
        assertThat(s.terminationRightOn()).isEqualTo(CourtCase.TERMINATION_RIGHT_ON);
        assertThat(s.terminatedOn()).isEqualTo(CourtCase.TERMINATED_ON);
        Statement.ClaimStatement claim = s.claims().get(0);
        assertThat(claim.formulas()).containsExactlyElementsOf(CourtCase.CLAIM_FORMULAS);
        assertThat(claim.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_PENALTY));
        assertThat(claim.afterReductions()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_AFTER_REDUCTIONS));
        assertThat(claim.net()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_NET));
        assertThat(claim.interestDays()).isEqualTo(CourtCase.CLAIM_INTEREST_DAYS);
        assertThat(claim.interest()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_INTEREST));
        Statement early = CALCULATOR.statement(READER.read(CourtCase.text()).contract(), CourtCase.EARLY_AS_OF);
        assertThat(early.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.EARLY_PENALTY));
    }

    @Test
    void exportedAndReadAgainGivesTheSameStatement() {
        ContractFile file = READER.read(CourtCase.text());
        LocalDate asOf = CourtCase.AS_OF;
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
