package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.api.TestContracts;
import tw.yanshou.contract.AccrualClaims;

/**
 * The nightly accrual that replaced every process's daily timer: the statement it stores is the day's statement
 * (the same {@code StatementService.recompute(id, day, "DAILY")} the timer called), a termination right that arose
 * overnight opens the officer's task, each open contract is done once however many workers and nodes claim chunks,
 * and a contract that is no longer open is skipped. Its own application context (and database): the run touches
 * every open contract there is.
 */
@TestPropertySource(properties = "yanshou.accrual.chunk=3")
class NightlyAccrualTest extends ProcessTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Autowired NightlyAccrual accrual;
    @Autowired AccrualClaims claims;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;

    /** Five past midnight (Taipei) of {@code day}, when the daily timer fell due. */
    private static void night(String day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atTime(0, 5).atZone(TAIPEI).toInstant()));
    }

    private JsonNode stored(String id, String day) throws Exception {
        List<String> rows = jdbc.sql("select json_build_object('cause', cause, 'penalty', penalty, 'body', body)::text from statement "
                + "where contract_id = ? and as_of = ?").params(UUID.fromString(id), java.sql.Date.valueOf(day)).query(String.class).list();
        return rows.isEmpty() ? null : JSON.readTree(rows.get(0));
    }

    private static String unique(String prefix) { return prefix + UUID.randomUUID().toString().substring(0, 8); }

    @Test
    void theNightsStatementIsTheDaysAndAContractNoLongerOpenIsSkipped() throws Exception {
        travelTo("2019-01-05");
        JsonNode late = register(TestContracts.small(unique("NA-LATE-"), null, null));
        JsonNode accepted = register(TestContracts.small(unique("NA-DONE-"), null, """
                  - { date: 2019-01-03, type: TENDERED, milestone: M }
                  - { date: 2019-01-04, type: ACCEPTED, milestone: M }"""));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        String pi = late.get("processInstanceId").asText();
        liveUntil("2019-02-01", pi);   // the due date (2019-01-31) passed: accrual starts
        night("2019-02-11");
        NightlyAccrual.Run run = accrual.run(LocalDate.parse("2019-02-11"), 2, 3);

        assertThat(run.contracts()).contains(UUID.fromString(late.get("id").asText()))
                .doesNotContain(UUID.fromString(accepted.get("id").asText()));
        JsonNode night = stored(late.get("id").asText(), "2019-02-11");
        assertThat(night.get("cause").asText()).isEqualTo("DAILY");
        // due 2019-01-31; late 2019-02-01..02-11 = 11 days × 1‰ of 1,000,000 = 11 × 1,000 = 11,000
        assertThat(night.get("penalty").asLong()).isEqualTo(11_000);
        assertThat(night.get("body")).isEqualTo(withoutLogHead(statement(late.get("id").asText(), "2019-02-11")));
        assertThat(variables(pi)).containsEntry(ProcessModel.Variables.PENALTY, 11_000L);
        assertThat(stored(accepted.get("id").asText(), "2019-02-11")).isNull();
        // once a day: the next run of the same day finds nothing left
        assertThat(accrual.run(LocalDate.parse("2019-02-11"), 2, 3).contracts()).isEmpty();
    }

    @Test
    void aTerminationRightThatAroseOvernightOpensTheOfficersTask() throws Exception {
        travelTo("2019-01-05");
        JsonNode c = register(TestContracts.small(unique("NA-CAP-"), null, null));
        String pi = c.get("processInstanceId").asText();
        liveUntil("2019-02-01", pi);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(ProcessModel.Tasks.DECIDE_TERMINATION).count()).isZero();
        // the cap, 10 % of 1,000,000 = 100,000, is 100 late days of 1,000: 02-01 + 99 = 05-11 (28 + 31 + 30 + 11 = 100)
        night("2019-05-12");
        accrual.run(LocalDate.parse("2019-05-12"), 1, 3);
        assertThat(stored(c.get("id").asText(), "2019-05-12").get("penalty").asLong()).isEqualTo(100_000);
        assertThat(variables(pi).get(ProcessModel.Variables.TERMINATION_RIGHT_ON)).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(ProcessModel.Tasks.DECIDE_TERMINATION).count()).isEqualTo(1);
    }

    @Test
    void twoNodesWithTwoWorkersEachDoEveryOpenContractOnce() throws Exception {
        travelTo("2019-01-05");
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 10; i++) mine.add(UUID.fromString(register(TestContracts.small(unique("NA-P-"), null, null)).get("id").asText()));
        // registered today: done today
        LocalDate registrationDay = LocalDate.parse("2019-01-05");
        assertThat(accrual.run(registrationDay, 1, 3).contracts()).doesNotContainAnyElementsOf(mine);
        night("2019-01-06");
        LocalDate day = LocalDate.parse("2019-01-06");
        long due = claims.due(day);
        assertThat(due).isGreaterThanOrEqualTo(10);
        Date now = ClockUtil.getCurrentTime();
        // two "nodes" at the same moment, each with two workers claiming chunks of three
        CompletableFuture<NightlyAccrual.Run> a = CompletableFuture.supplyAsync(() -> { ClockUtil.setCurrentTime(now); return accrual.run(day, 2, 3); });
        CompletableFuture<NightlyAccrual.Run> b = CompletableFuture.supplyAsync(() -> { ClockUtil.setCurrentTime(now); return accrual.run(day, 2, 3); });
        List<UUID> all = new ArrayList<>(a.get().contracts());
        all.addAll(b.get().contracts());
        Set<UUID> distinct = new HashSet<>(all);
        assertThat(all).hasSize(distinct.size());   // nobody did a contract twice
        assertThat((long) distinct.size()).isEqualTo(due);
        assertThat(distinct).containsAll(mine);
        assertThat(a.get().failed()).isEmpty();
        assertThat(b.get().failed()).isEmpty();
        assertThat(claims.due(day)).isZero();
        for (UUID id : mine) assertThat(stored(id.toString(), "2019-01-06").get("cause").asText()).isEqualTo("DAILY");
    }
}
