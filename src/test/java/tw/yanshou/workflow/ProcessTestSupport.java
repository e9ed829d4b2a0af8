package tw.yanshou.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;

/**
 * Process tests on the running server: time travel with the engine's clock ({@link ClockUtil}), timers fired as
 * the job executor would, assertions with camunda-bpm-assert.
 */
abstract class ProcessTestSupport extends ApiTestSupport {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final Map<String, ProcessInstance> seen = new java.util.HashMap<>();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @BeforeEach
    void initAssertions() { BpmnAwareTests.init(engine); }

    @AfterEach
    void resetClock() { ClockUtil.reset(); }

    /** Moves the engine's clock to 10:00 in Taipei on {@code day}. */
    static void travelTo(String day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atTime(10, 0).atZone(TAIPEI).toInstant()));
    }

    /** Fires every timer of the process that is due now, as the job executor would. */
    void fireDueTimers(String processInstanceId) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers()
                    .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) return;
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("timers keep firing");
    }

    @Autowired
    NightlyAccrual nightlyAccrual;

    /**
     * Travels to {@code day} and fires what is due, as if the server had been running: the process's timers, then
     * the nightly accrual of its contract for that day (what the process's own daily timer did before V12).
     */
    void liveUntil(String day, String processInstanceId) {
        travelTo(day);
        fireDueTimers(processInstanceId);
        Object contractId = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0 ? null
                : runtime.getVariable(processInstanceId, "contractId");
        if (contractId != null) nightlyAccrual.runFor(java.util.UUID.fromString((String) contractId), LocalDate.parse(day));
    }

    JsonNode register(String yaml) {
        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        if (r.getStatusCode().value() != 201) throw new AssertionError("register: " + r.getBody());
        JsonNode contract = api().get().uri("/api/contracts/{id}", r.getBody().get("id").asText()).retrieve().body(JsonNode.class)
                .get("contract");
        ProcessInstance running = runtime.createProcessInstanceQuery()
                .processInstanceId(contract.get("processInstanceId").asText()).singleResult();
        if (running != null) seen.put(running.getId(), running);
        return contract;
    }

    void post(String contractId, String eventJson) {
        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts/{id}/events", contractId)
                .contentType(MediaType.APPLICATION_JSON).body(eventJson).retrieve().toEntity(JsonNode.class);
        // a termination is a proposal (202): a supervisor approves it
        if (r.getStatusCode().value() == 202) approved(r);
        else if (r.getStatusCode().value() != 201) throw new AssertionError("event " + eventJson + ": " + r.getBody());
    }

    void completeTask(String processInstanceId, String key, String answerJson) {
        JsonNode tasks = api().get().uri("/api/tasks").retrieve().body(JsonNode.class);
        String businessKey = instance(processInstanceId).getBusinessKey();
        for (JsonNode t : tasks) {
            if (t.get("key").asText().equals(key) && t.get("contractNumber").asText().equals(businessKey)) {
                ResponseEntity<JsonNode> r = api().post().uri("/api/tasks/{id}/complete", t.get("id").asText())
                        .contentType(MediaType.APPLICATION_JSON).body(answerJson).retrieve().toEntity(JsonNode.class);
                // a termination decided is a proposal (202): a supervisor approves it
                if (r.getStatusCode().value() == 202) approved(r);
                else if (r.getStatusCode().value() != 204) throw new AssertionError("complete " + key + ": " + r.getBody());
                return;
            }
        }
        throw new AssertionError("no open task " + key + " in " + tasks);
    }

    JsonNode statement(String contractId, String asOf) {
        return api().get().uri("/api/contracts/{id}/statement?asOf=" + asOf, contractId).retrieve().body(JsonNode.class);
    }

    /** The process instance, also after it ended (as first seen while it ran). */
    ProcessInstance instance(String processInstanceId) {
        ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (p != null) seen.put(processInstanceId, p);
        if (!seen.containsKey(processInstanceId)) throw new AssertionError("process " + processInstanceId + " was never seen running");
        return seen.get(processInstanceId);
    }

    Map<String, Object> variables(String processInstanceId) { return runtime.getVariables(processInstanceId); }
}
