package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.TestContracts;

/**
 * Every path of the acceptance process, live with time travel. The contract: signed 2019-01-01, item A 1,000,000,
 * milestone M due 30 days later on 2019-01-31, 1‰ a day (1,000), cap and termination threshold 10 % (100,000:
 * reached on the 100th late day, 2019-05-11, if nothing is tendered).
 */
class ProcessPathsTest extends ProcessTestSupport {

    static String contract(String number, String linked) {
        return TestContracts.small(number, linked, null);
    }

    private String start(String number, String linked) {
        travelTo("2019-01-10");
        JsonNode c = register(contract(number, linked));
        return c.get("id").asText() + "|" + c.get("processInstanceId").asText();
    }

    /** Travels to the event's day (firing what is due) and records the event, as an officer would that day. */
    private void postOn(String started, String day, String eventJson) {
        liveUntil(day, pi(started));
        post(id(started), eventJson);
    }

    private static String id(String started) { return started.split("\\|")[0]; }

    private static String pi(String started) { return started.split("\\|")[1]; }

    @Test
    void acceptsAMilestoneTenderedOnTime() {
        String c = start("P-ON-TIME", null);
        assertThat(instance(pi(c))).isWaitingAt("WaitForTender");
        assertThat(variables(pi(c))).containsEntry("terminationRightOn", null);
        liveUntil("2019-01-30", pi(c));
        postOn(c, "2019-01-30", "{\"date\":\"2019-01-30\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        assertThat(instance(pi(c))).isWaitingAt("ScheduleInspection");
        completeTask(pi(c), "ScheduleInspection", "{\"inspectionOn\":\"2019-02-05\"}");
        assertThat(instance(pi(c))).isWaitingAt("RecordInspectionResult");
        liveUntil("2019-02-05", pi(c));
        completeTask(pi(c), "RecordInspectionResult", "{\"result\":\"ACCEPTED\",\"date\":\"2019-02-05\"}");
        assertThat(instance(pi(c))).isEnded().hasPassed("MilestoneDone", "ContractAccepted").hasNotPassed("MilestoneLate");
        assertThat(statement(id(c), "2019-03-01").get("lateDays").asLong()).isZero();
        assertThat(status(id(c))).isEqualTo("ACCEPTED");
    }

    @Test
    void startsAccrualWhenTheDueDatePassesAndStopsAtTheTender() {
        String c = start("P-LATE", null);
        List<Job> timers = management.createJobQuery().processInstanceId(pi(c)).activityId("DuePassed").list();
        // the timer fires on the first late day, 2019-02-01, at midnight in Taipei (2019-01-31T16:00Z)
        assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-01-31T16:00:00Z");
        liveUntil("2019-02-05", pi(c));
        assertThat(instance(pi(c))).hasPassed("DuePassed", "MilestoneLate").isWaitingAt("WaitForLateTender");
        postOn(c, "2019-02-10", "{\"date\":\"2019-02-10\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(c, "2019-02-12", "{\"date\":\"2019-02-12\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}");
        assertThat(instance(pi(c))).isEnded();
        // 02-01..02-10: 10 days × 1,000
        assertThat(statement(id(c), "2019-03-01").get("penalty").asLong()).isEqualTo(10_000);
    }

    @Test
    void keepsTheOriginalTenderWhenTheCureIsKept() {
        String c = start("P-CURE-KEPT", null);
        postOn(c, "2019-01-30", "{\"date\":\"2019-01-30\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(c, "2019-02-05", "{\"date\":\"2019-02-05\",\"type\":\"INSPECTION_FAILED\",\"milestone\":\"M\",\"cureBy\":\"2019-02-20\"}");
        assertThat(instance(pi(c))).isWaitingAt("WaitForCure");
        liveUntil("2019-02-18", pi(c));
        postOn(c, "2019-02-18", "{\"date\":\"2019-02-18\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(c, "2019-02-25", "{\"date\":\"2019-02-25\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}");
        assertThat(instance(pi(c))).isEnded().hasNotPassed("CureMissed", "MilestoneLate");
        assertThat(statement(id(c), "2019-03-01").get("lateDays").asLong()).isZero();
    }

    @Test
    void accruesFromTheDayAfterAMissedCureDeadline() {
        String c = start("P-CURE-MISSED", null);
        postOn(c, "2019-01-30", "{\"date\":\"2019-01-30\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(c, "2019-02-05", "{\"date\":\"2019-02-05\",\"type\":\"INSPECTION_FAILED\",\"milestone\":\"M\",\"cureBy\":\"2019-02-20\"}");
        liveUntil("2019-02-22", pi(c));
        assertThat(instance(pi(c))).hasPassed("CureDeadlinePassed", "CureMissed", "MilestoneLate").isWaitingAt("WaitForLateTender");
        // late 02-21 and 02-22
        assertThat(statement(id(c), "2019-02-22").get("lateDays").asLong()).isEqualTo(2);
    }

    @Test
    void pausesEscalationWhileMediationIsPending() {
        String c = start("P-MEDIATION", null);
        liveUntil("2019-03-01", pi(c));
        postOn(c, "2019-03-01", "{\"date\":\"2019-03-01\",\"type\":\"MEDIATION_FILED\"}");
        assertThat(instance(pi(c))).isWaitingAt("MediationConcluded");
        assertThat(variables(pi(c))).containsEntry("mediationPending", true);
        liveUntil("2019-05-20", pi(c));
        // the threshold was reached on 2019-05-11, but no decision is asked for while the mediation is pending
        assertThat(variables(pi(c))).containsEntry("terminationRightOn", "2019-05-11");
        assertThat(instance(pi(c))).isNotWaitingAt("DecideTermination");
        postOn(c, "2019-05-25", "{\"date\":\"2019-05-25\",\"type\":\"MEDIATION_CONCLUDED\",\"outcome\":\"SETTLED\",\"capWaived\":true}");
        assertThat(instance(pi(c))).isWaitingAt("ReviewSettlement", "DecideTermination");
        completeTask(pi(c), "ReviewSettlement", "{\"note\":\"terms checked\"}");
        assertThat(instance(pi(c))).hasPassed("ReviewSettlement");
    }

    @Test
    void movesTheWaitingTimerWhenASettlementExcusesDays() {
        String c = start("P-EXCUSED", null);
        postOn(c, "2019-01-15", "{\"date\":\"2019-01-15\",\"type\":\"MEDIATION_FILED\"}");
        travelTo("2019-01-20");
        postOn(c, "2019-01-20", "{\"date\":\"2019-01-20\",\"type\":\"MEDIATION_CONCLUDED\",\"outcome\":\"SETTLED\","
                + "\"excused\":{\"from\":\"2019-01-15\",\"to\":\"2019-01-20\"}}");
        // 6 excused days push 01-31 to 02-06, a Lunar New Year holiday: §122 moves it to Monday 02-11
        assertThat(statement(id(c), "2019-01-20").get("milestones").get(0).get("dueOn").asText()).isEqualTo("2019-02-11");
        List<Job> timers = management.createJobQuery().processInstanceId(pi(c)).activityId("DuePassed").list();
        assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-02-11T16:00:00Z");
        liveUntil("2019-02-08", pi(c));
        assertThat(instance(pi(c))).hasNotPassed("MilestoneLate");
    }

    @Test
    void movesTheWaitingTimerWhenTheDueDateIsExtended() {
        String c = start("P-EXTENDED", null);
        postOn(c, "2019-01-20", "{\"date\":\"2019-01-20\",\"type\":\"EXTENDED\",\"milestone\":\"M\",\"days\":10,"
                + "\"reason\":\"颱風停工\"}");
        // 01-31 + 10 days = Sunday 02-10 → §122 Monday 02-11; the timer fires on the first late day, 02-12 in Taipei
        assertThat(statement(id(c), "2019-01-20").get("milestones").get(0).get("dueOn").asText()).isEqualTo("2019-02-11");
        List<Job> timers = management.createJobQuery().processInstanceId(pi(c)).activityId("DuePassed").list();
        assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-02-11T16:00:00Z");
        liveUntil("2019-02-11", pi(c));
        assertThat(instance(pi(c))).hasNotPassed("MilestoneLate").isWaitingAt("WaitForTender");
        liveUntil("2019-02-12", pi(c));
        assertThat(instance(pi(c))).hasPassed("MilestoneLate").isWaitingAt("WaitForLateTender");
    }

    @Test
    void leavesTheLateStateWhenAnExtensionAfterTheDueDateMovesItAgain() {
        String c = start("P-EXTENDED-LATE", null);
        liveUntil("2019-02-05", pi(c));
        assertThat(instance(pi(c))).hasPassed("MilestoneLate").isWaitingAt("WaitForLateTender");
        // granted on 02-05, after the due date passed: 01-31 + 20 = Wednesday 02-20; the days 02-01..02-05 are not late
        postOn(c, "2019-02-05", "{\"date\":\"2019-02-05\",\"type\":\"EXTENDED\",\"milestone\":\"M\",\"days\":20}");
        assertThat(instance(pi(c))).isWaitingAt("WaitForTender");
        List<Job> timers = management.createJobQuery().processInstanceId(pi(c)).activityId("DuePassed").list();
        assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-02-20T16:00:00Z");
        assertThat(statement(id(c), "2019-02-05").get("lateDays").asLong()).isZero();
    }

    @Test
    void movesTheTimerForAnItemAddedToAMilestoneWhoseDueDatePassed() {
        String c = start("P-ADDED", null);
        postOn(c, "2019-01-20", "{\"date\":\"2019-01-20\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        assertThat(instance(pi(c))).isWaitingAt("ScheduleInspection");
        liveUntil("2019-02-10", pi(c));
        // B joins M on 02-10, after M's due date: it gets M's own 30 days, 02-11..03-12 (18 + 12), Tuesday 2019-03-12
        postOn(c, "2019-02-10", "{\"date\":\"2019-02-10\",\"type\":\"AMENDED\",\"items\":[{\"code\":\"B\","
                + "\"name\":\"item B\",\"amount\":500000,\"milestone\":\"M\"}],\"reason\":\"追加\"}");
        completeTask(pi(c), "ScheduleInspection", "{\"inspectionOn\":\"2019-02-12\"}");
        liveUntil("2019-02-12", pi(c));
        completeTask(pi(c), "RecordInspectionResult", "{\"result\":\"ACCEPTED\",\"date\":\"2019-02-12\"}");
        // A is accepted, B is still to tender: the branch waits for B's tender with the timer of 03-12
        assertThat(instance(pi(c))).isNotEnded().isWaitingAt("WaitForTender");
        List<Job> timers = management.createJobQuery().processInstanceId(pi(c)).activityId("DuePassed").list();
        assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-03-12T16:00:00Z");
        postOn(c, "2019-03-01", "{\"date\":\"2019-03-01\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        completeTask(pi(c), "ScheduleInspection", "{\"inspectionOn\":\"2019-03-05\"}");
        liveUntil("2019-03-05", pi(c));
        completeTask(pi(c), "RecordInspectionResult", "{\"result\":\"ACCEPTED\",\"date\":\"2019-03-05\"}");
        assertThat(instance(pi(c))).isEnded();
        assertThat(statement(id(c), "2019-03-10").get("lateDays").asLong()).isZero();
    }

    @Test
    void asksForADecisionWhenTheTerminationRightArisesAndCascades() {
        travelTo("2019-01-10");
        JsonNode linked = register(contract("P-CASCADE-M", null));
        String c = start("P-CASCADE", "P-CASCADE-M");
        liveUntil("2019-05-10", pi(c));
        assertThat(instance(pi(c))).isNotWaitingAt("DecideTermination");
        liveUntil("2019-05-12", pi(c));
        assertThat(variables(pi(c))).containsEntry("terminationRightOn", "2019-05-11");
        assertThat(instance(pi(c))).isWaitingAt("DecideTermination");
        liveUntil("2019-05-15", pi(c));
        completeTask(pi(c), "DecideTermination", "{\"decision\":\"TERMINATE\",\"date\":\"2019-05-15\",\"ground\":\"VENDOR_DEFAULT\"}");
        assertThat(instance(pi(c))).isEnded().hasPassed("FinalStatement", "TerminateLinked");
        assertThat(status(id(c))).isEqualTo("TERMINATED");
        // 02-01..05-15 = 104 days, capped at 100,000
        assertThat(statement(id(c), "2019-12-31").get("penalty").asLong()).isEqualTo(100_000);
        String linkedId = linked.get("id").asText();
        assertThat(status(linkedId)).isEqualTo("TERMINATED");
        JsonNode log = api().get().uri("/api/contracts/{id}", linkedId).retrieve().body(JsonNode.class).get("log");
        assertThat(log.get(0).get("event").get("ground").asText()).isEqualTo("LINKED_CONTRACT_TERMINATED");
        assertThat(instance(linked.get("processInstanceId").asText())).isEnded();
    }

    @Test
    void endsTheBranchWhenTheLastItemOfAPartlyAcceptedTenderIsAccepted() {
        travelTo("2019-01-10");
        JsonNode c = register(TestContracts.small("P-PARTIAL", null, null)
                .replace("    - { code: A, name: \"item A\", amount: 1000000 }",
                        "    - { code: A, name: \"item A\", amount: 1000000 }\n    - { code: B, name: \"item B\", amount: 500000 }")
                .replace("items: [A], due", "items: [A, B], due"));
        String started = c.get("id").asText() + "|" + c.get("processInstanceId").asText();
        postOn(started, "2019-01-30", "{\"date\":\"2019-01-30\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(started, "2019-02-05", "{\"date\":\"2019-02-05\",\"type\":\"ACCEPTED\",\"milestone\":\"M\",\"items\":[\"A\"]}");
        // B's tender still awaits its result: the result task stays open
        assertThat(instance(pi(started))).isWaitingAt("RecordInspectionResult");
        postOn(started, "2019-02-06", "{\"date\":\"2019-02-06\",\"type\":\"ACCEPTED\",\"milestone\":\"M\",\"items\":[\"B\"]}");
        assertThat(instance(pi(started))).isEnded().hasPassed("ContractAccepted");
        assertThat(status(id(started))).isEqualTo("ACCEPTED");
    }

    @Test
    void terminatesAnAcceptedContractAndItsLinkedOnes() {
        travelTo("2019-01-10");
        JsonNode linked = register(contract("P-AFTER-M", null));
        String c = start("P-AFTER", "P-AFTER-M");
        postOn(c, "2019-01-30", "{\"date\":\"2019-01-30\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        postOn(c, "2019-02-05", "{\"date\":\"2019-02-05\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}");
        assertThat(status(id(c))).isEqualTo("ACCEPTED");
        postOn(c, "2019-06-01", "{\"date\":\"2019-06-01\",\"type\":\"TERMINATED\",\"ground\":\"OTHER\"}");
        assertThat(status(id(c))).isEqualTo("TERMINATED");
        assertThat(status(linked.get("id").asText())).isEqualTo("TERMINATED");
    }

    @Test
    void leavesALinkedContractThatCannotEndOnThatDayAsItIs() {
        travelTo("2019-06-10");
        // the maintenance contract was signed after the day the equipment contract is terminated
        JsonNode linked = register(contract("P-REFUSED-M", null).replace("signedOn: 2019-01-01", "signedOn: 2019-06-01"));
        String c = start("P-REFUSED", "P-REFUSED-M");
        postOn(c, "2019-03-01", "{\"date\":\"2019-03-01\",\"type\":\"TERMINATED\",\"ground\":\"VENDOR_DEFAULT\"}");
        assertThat(status(id(c))).isEqualTo("TERMINATED");
        assertThat(status(linked.get("id").asText())).isEqualTo("OPEN");
    }

    private String status(String contractId) {
        return api().get().uri("/api/contracts/{id}", contractId).retrieve().body(JsonNode.class).get("contract").get("status").asText();
    }
}
