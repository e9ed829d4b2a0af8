package tw.yanshou.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The process model on its own: {@code bpmn/contract-acceptance.bpmn} on a bare engine (camunda-bpm-junit5, on an
 * embedded PostgreSQL), its beans replaced by stand-ins that give one milestone M due 2019-01-31. The server's own
 * tests ({@link ProcessPathsTest}) run the same paths with the real beans and the calculus.
 */
class ContractAcceptanceModelTest {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final EmbeddedPostgres POSTGRES = startPostgres();

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("yanshou-model"))
                    .setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProcessEngine engine() {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        // a name of its own: registered as "default" it would stand in for the server's engine behind /engine-rest in
        // the test classes that run after it in the same JVM
        config.setProcessEngineName("contract-acceptance-model-test");
        config.setJdbcUrl(POSTGRES.getJdbcUrl("postgres", "postgres"));
        config.setJdbcUsername("postgres");
        config.setJdbcPassword("");
        config.setJdbcDriver("org.postgresql.Driver");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setJobExecutorActivate(false);
        config.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        config.setExpressionManager(new MockExpressionManager());
        config.setProcessEngineName("model-test");
        return config.buildProcessEngine();
    }

    @AfterAll
    static void stop() throws IOException {
        ENGINE.getProcessEngine().close();
        POSTGRES.close();
    }

    /** Stand-in for the milestone steps: M is due 2019-01-31; results come from the task's answer. */
    public static class Milestones {
        public List<String> ids(DelegateExecution execution) { return List.of("M"); }

        public void computeDue(DelegateExecution execution) {
            ExecutionEntity scope = scope(execution);
            scope.setVariableLocal("milestoneAccepted", false);
            scope.setVariableLocal("dueOn", "2019-01-31");
            scope.setVariableLocal("dueTimer", midnight("2019-02-01"));
        }

        public void applyResult(DelegateExecution execution) {
            ExecutionEntity scope = scope(execution);
            boolean failed = "FAILED".equals(execution.getVariable("result"));
            if (failed) scope.setVariableLocal("cureTimer", midnight("2019-02-21"));
            scope.setVariableLocal("outcome", failed ? "CURING" : "ACCEPTED");
        }

        private static ExecutionEntity scope(DelegateExecution execution) {
            ExecutionEntity e = (ExecutionEntity) execution;
            while (!e.hasVariableLocal("milestoneId")) e = e.getParent();
            return e;
        }
    }

    /** Stand-in for the statement, lifecycle, accrual and task beans: they do nothing the model depends on. */
    public static class Quiet {
        public void recompute(DelegateExecution execution, String cause) { }

        public Date nextRun() { return midnight("2030-01-01"); }

        public void accepted(DelegateExecution execution) { }

        public void terminated(DelegateExecution execution) { }

        public void cascadeTermination(DelegateExecution execution) { }

        public void checkCompletion(DelegateTask task) { }
    }

    static Date midnight(String day) { return Date.from(LocalDate.parse(day).atStartOfDay(TAIPEI).toInstant()); }

    @BeforeEach
    void beans() {
        // the Spring Boot tests' engine may be registered in this JVM too: assert against this one
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        Quiet quiet = new Quiet();
        Mocks.register("milestones", new Milestones());
        Mocks.register("statements", quiet);
        Mocks.register("accrual", quiet);
        Mocks.register("contractLifecycle", quiet);
        Mocks.register("officerTasks", quiet);
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse("2019-01-10").atTime(10, 0).atZone(TAIPEI).toInstant()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("contract-acceptance", "MODEL-1",
                withVariables("contractId", "00000000-0000-0000-0000-000000000001", "terminationRightOn", null,
                        "mediationPending", false));
    }

    private static void tender(ProcessInstance p) {
        runtimeService().createMessageCorrelation("Tendered_M").processInstanceId(p.getId()).correlate();
    }

    @Test
    @Deployment(resources = "bpmn/contract-acceptance.bpmn")
    void waitsForTheDueDateAndStartsAccrualWhenItPasses() {
        ProcessInstance p = start();
        assertThat(p).isWaitingAt("WaitForTender", "TerminationRightArisen");
        execute(job("DuePassed", p));
        assertThat(p).hasPassed("DuePassed", "MilestoneLate").isWaitingAt("WaitForLateTender");
        tender(p);
        assertThat(p).isWaitingAt("ScheduleInspection");
    }

    @Test
    @Deployment(resources = "bpmn/contract-acceptance.bpmn")
    void acceptsAfterTheInspectionAndEnds() {
        ProcessInstance p = start();
        tender(p);
        complete(task("ScheduleInspection", p), withVariables("inspectionOn", "2019-01-31"));
        complete(task("RecordInspectionResult", p), withVariables("result", "ACCEPTED"));
        assertThat(p).hasPassed("ApplyResult", "MilestoneAccepted", "MilestoneDone", "ContractAccepted").isEnded();
    }

    @Test
    @Deployment(resources = "bpmn/contract-acceptance.bpmn")
    void waitsForARetenderOrTheCureDeadlineAfterAFailedInspection() {
        ProcessInstance p = start();
        tender(p);
        complete(task("ScheduleInspection", p));
        complete(task("RecordInspectionResult", p), withVariables("result", "FAILED"));
        assertThat(p).isWaitingAt("WaitForCure");
        execute(job("CureDeadlinePassed", p));
        assertThat(p).hasPassed("CureMissed", "ComputeDue").isWaitingAt("WaitForTender");
        tender(p);
        assertThat(p).isWaitingAt("ScheduleInspection");
    }

    @Test
    @Deployment(resources = "bpmn/contract-acceptance.bpmn")
    void asksForATerminationDecisionOnlyWhileNoMediationIsPending() {
        ProcessInstance p = start();
        runtimeService().createMessageCorrelation("MediationFiled").processInstanceId(p.getId()).correlate();
        runtimeService().setVariables(p.getId(), Map.of("mediationPending", true, "terminationRightOn", "2019-05-11"));
        assertThat(p).isNotWaitingAt("DecideTermination").isWaitingAt("MediationConcluded");
        runtimeService().createMessageCorrelation("MediationConcluded").processInstanceId(p.getId()).correlate();
        runtimeService().setVariable(p.getId(), "mediationPending", false);
        assertThat(p).isWaitingAt("DecideTermination", "ReviewSettlement");
    }

    @Test
    @Deployment(resources = "bpmn/contract-acceptance.bpmn")
    void terminationStopsEverythingAndCascades() {
        ProcessInstance p = start();
        tender(p);
        runtimeService().createMessageCorrelation("Terminated").processInstanceId(p.getId()).correlate();
        assertThat(p).hasPassed("FinalStatement", "TerminateLinked", "TerminationDone").isEnded();
    }
}
