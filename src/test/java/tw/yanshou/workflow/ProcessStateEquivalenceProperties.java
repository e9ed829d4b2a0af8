package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.api.RandomHistories;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;

/**
 * A history imported in one go ends in the state a live run reaches: random valid histories (partial tenders,
 * failed inspections and cures, mediation with and without reset due dates, terminations cascading to a linked
 * contract, and a void of one event afterwards) are run live — the contract registered on the day it was signed,
 * the clock moved day by day with the due timers fired as the job executor would, each event recorded on its day —
 * and imported as one file on the last day. Both end with the same process state (active activities, timers with
 * their due dates, open tasks with their milestones, every variable of every scope), the same state of the linked
 * contract, and the same statement. Repeatable: a seed per contract, reported on failure.
 */
class ProcessStateEquivalenceProperties extends ProcessTestSupport {
    private static final int RUNS = 14;
    /** Histories end within ~200 days of signing; the comparison is on this day, after every timer they set. */
    private static final LocalDate UNTIL = RandomHistories.SIGNED.plusDays(200);
    private static final LocalDate FINAL = UNTIL.plusDays(60);

    @Autowired ContractFileReader reader;
    @Autowired ContractFileWriter writer;
    @Autowired ContractValidator validator;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;

    @Test
    void everyHistoryImportedInOneGoEndsWhereTheLiveRunEnds() throws Exception {
        Map<String, Integer> covered = new TreeMap<>();
        for (int n = 0; n < RUNS; n++) {
            long seed = 12_000 + n;
            Random r = new Random(seed);
            String tag = seed + "-" + UUID.randomUUID().toString().substring(0, 6);
            String liveNumber = "EQ-LIVE-" + tag, directNumber = "EQ-DIRECT-" + tag;
            // the same draws for both headers: only the numbers differ
            String liveHeader = RandomHistories.header(liveNumber, new Random(seed), liveNumber + "-L");
            String directHeader = RandomHistories.header(directNumber, new Random(seed), directNumber + "-L");
            RandomHistories.header("", r, null);
            Contract bare = reader.read(RandomHistories.withEvents(writer, liveHeader, List.of())).contract();
            List<ContractEvent> events = RandomHistories.history(validator, bare, r, UNTIL);
            count(covered, events);

            // live: registered when signed, the clock moving day by day, each event on its day
            travelTo(RandomHistories.SIGNED.toString());
            JsonNode liveLinked = register(RandomHistories.linkedHeader(liveNumber + "-L"));
            JsonNode live = register(RandomHistories.withEvents(writer, liveHeader, List.of()));
            String liveId = live.get("id").asText();
            String livePi = live.get("processInstanceId").asText(), linkedPi = liveLinked.get("processInstanceId").asText();
            int next = 0;
            for (LocalDate day = RandomHistories.SIGNED; !day.isAfter(FINAL); day = day.plusDays(1)) {
                liveUntil(day.toString(), livePi);
                fireDueTimers(linkedPi);
                while (next < events.size() && events.get(next).date().equals(day))
                    post(liveId, writer.eventJson(events.get(next++)));
            }
            assertThat(next).as("seed %d: every event recorded", seed).isEqualTo(events.size());

            // a correction afterwards (now, on the last day): one event voided, the process rebuilt without it
            List<ContractEvent> inForce = new ArrayList<>(events);
            if (!events.isEmpty() && r.nextBoolean()) {
                int k = r.nextInt(events.size());
                JsonNode log = api().get().uri("/api/contracts/{id}", liveId).retrieve().body(JsonNode.class).get("log");
                String eventId = log.get(k).get("id").asText();
                var voided = api().post().uri("/api/contracts/{id}/events/{e}/void", liveId, eventId)
                        .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"entered by mistake\"}").retrieve()
                        .toEntity(JsonNode.class);
                if (voided.getStatusCode().value() == 201) {
                    inForce.remove(k);
                    covered.merge("void", 1, Integer::sum);
                    if (events.get(k) instanceof ContractEvent.Terminated) covered.merge("void of a termination", 1, Integer::sum);
                } else {
                    assertThat(voided.getStatusCode().value()).as("seed %d: %s", seed, voided.getBody()).isEqualTo(409);
                }
            }

            // direct: the whole history in force imported on the last day
            travelTo(FINAL.toString());
            JsonNode directLinked = register(RandomHistories.linkedHeader(directNumber + "-L"));
            JsonNode direct = register(RandomHistories.withEvents(writer, directHeader, inForce));
            String directId = direct.get("id").asText();

            String why = "seed %d, history %s".formatted(seed, inForce.stream().map(writer::eventJson).toList());
            assertThat(state(processOf(directId))).as(why).isEqualTo(state(processOf(liveId)));
            assertThat(contract(directId).get("status")).as(why).isEqualTo(contract(liveId).get("status"));
            assertThat(withoutLogHead(statement(directId, FINAL.toString()))).as(why)
                    .isEqualTo(withoutLogHead(statement(liveId, FINAL.toString())));
            String liveLinkedId = liveLinked.get("id").asText(), directLinkedId = directLinked.get("id").asText();
            assertThat(contract(directLinkedId).get("status")).as(why + ": the linked contract")
                    .isEqualTo(contract(liveLinkedId).get("status"));
            assertThat(state(processOf(directLinkedId))).as(why + ": the linked contract")
                    .isEqualTo(state(processOf(liveLinkedId)));
            if ("TERMINATED".equals(contract(liveLinkedId).get("status").asText())) covered.merge("cascaded termination", 1, Integer::sum);
        }
        System.out.println("process state equivalence, histories covered: " + covered);
        for (String kind : List.of("partial tender", "failed inspection", "cure (re-tender after a failure)",
                "mediation reset due", "mediation without reset", "termination", "cascaded termination", "void"))
            assertThat(covered).as("the histories drawn cover: %s", kind).containsKey(kind);
    }

    private static void count(Map<String, Integer> covered, List<ContractEvent> events) {
        java.util.Set<String> failed = new java.util.HashSet<>();
        for (ContractEvent e : events) {
            String kind = e.type();
            if (e instanceof ContractEvent.Tendered t && failed.contains(t.milestone())) kind = "cure (re-tender after a failure)";
            else if (e instanceof ContractEvent.Tendered t && t.items() != null) kind = "partial tender";
            else if (e instanceof ContractEvent.InspectionFailed f) {
                failed.add(f.milestone());
                kind = "failed inspection";
            } else if (e instanceof ContractEvent.MediationConcluded m) kind = m.resetDue() ? "mediation reset due" : "mediation without reset";
            else if (e instanceof ContractEvent.Terminated) kind = "termination";
            covered.merge(kind, 1, Integer::sum);
        }
    }

    private String processOf(String contractId) { return contract(contractId).get("processInstanceId").asText(); }

    private JsonNode contract(String id) {
        return api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("contract");
    }


    /**
     * The process as a comparable text: active activities (with how many), timers with their activity and due date,
     * open tasks with their milestone, and the variables of each scope (the process, each branch, each task), sorted.
     */
    private String state(String processInstanceId) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) return "ended";
        Map<String, Integer> activities = new TreeMap<>();
        for (String a : runtime.getActiveActivityIds(processInstanceId)) activities.merge(a, 1, Integer::sum);
        List<String> timers = new ArrayList<>();
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list())
            timers.add(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                    .getActivityId() + "@" + job.getDuedate().toInstant());
        timers.sort(null);
        List<String> open = new ArrayList<>();
        Map<String, String> taskKeys = new TreeMap<>();
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().forEach(t -> {
            open.add(t.getTaskDefinitionKey() + ":" + tasks.getVariableLocal(t.getId(), "milestoneId"));
            taskKeys.put(t.getId(), t.getTaskDefinitionKey());
        });
        open.sort(null);
        Map<String, Map<String, String>> scopes = new TreeMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).list()) {
            String scope = v.getTaskId() != null ? "task " + taskKeys.get(v.getTaskId()) + " " + v.getTaskId()
                    : v.getExecutionId().equals(processInstanceId) ? "process" : "execution " + v.getExecutionId();
            // the contract's id differs between the two contracts compared; that it is there is compared
            Object value = v.getName().equals("contractId") ? "(the contract)" : v.getValue();
            scopes.computeIfAbsent(scope, k -> new TreeMap<>())
                    .put(v.getName(), value instanceof Date d ? d.toInstant().toString() : String.valueOf(value));
        }
        // scopes other than the process by their content, not their ids
        List<String> variables = new ArrayList<>();
        scopes.forEach((scope, vars) -> variables.add((scope.startsWith("task") ? "task " + scope.split(" ")[1]
                : scope.startsWith("execution") ? "scope" : scope) + " " + vars));
        variables.sort(null);
        return "activities " + activities + "\ntimers " + timers + "\ntasks " + open + "\nvariables " + variables;
    }
}
