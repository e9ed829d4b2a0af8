package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * History recorded after the fact ends where a live run ends: the court case imported in one go, and the same case
 * entered event by event with the clock moving from day to day in between, give the same statement and the same
 * process state — at the end and in the middle.
 */
class ReplayEquivalenceTest extends ProcessTestSupport {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Autowired
    TaskService tasks;
    @Autowired
    ObjectMapper json;

    private static String courtCase(String number, String through) throws Exception {
        ObjectNode file = (ObjectNode) YAML.readTree(tw.yanshou.CourtCase.text());
        ((ObjectNode) file.get("contract")).put("number", number);
        ((ObjectNode) file.get("terms").get("linkedContracts").get(0)).put("number", number + "-M");
        var events = file.withArray("events");
        for (int i = events.size() - 1; i >= 0; i--)
            if (through != null && events.get(i).get("date").asText().compareTo(through) > 0) events.remove(i);
        return YAML.writeValueAsString(file);
    }

    @Test
    void entersTheCourtCaseEventByEventToTheSameEnd() throws Exception {
        JsonNode imported = register(courtCase("R-IMPORTED", null));

        travelTo("2018-10-18");
        ObjectNode empty = (ObjectNode) YAML.readTree(courtCase("R-LIVE", null));
        JsonNode events = empty.remove("events");
        JsonNode live = register(YAML.writeValueAsString(empty));
        String liveId = live.get("id").asText();
        String livePi = live.get("processInstanceId").asText();
        String midState = null;
        for (JsonNode event : events) {
            String day = event.get("date").asText();
            liveUntil(day, livePi);
            post(liveId, json.writeValueAsString(event));
            if (day.equals("2019-11-05")) {
                liveUntil("2019-11-06", livePi);
                midState = state(livePi);
            }
        }
        liveUntil("2024-06-25", livePi);

        JsonNode a = statement(imported.get("id").asText(), "2024-06-25");
        JsonNode b = statement(liveId, "2024-06-25");
        assertThat(tw.yanshou.api.ApiTestSupport.withoutLogHead(b)).isEqualTo(tw.yanshou.api.ApiTestSupport.withoutLogHead(a));
        assertThat(b.get("penalty").asLong()).isEqualTo(tw.yanshou.CourtCase.PENALTY);
        assertThat(contract(liveId).get("status").asText()).isEqualTo("TERMINATED");
        assertThat(contract(liveId).get("terminatedOn").asText()).isEqualTo("2019-12-30");
        assertThat(contract(imported.get("id").asText()).get("terminatedOn").asText()).isEqualTo("2019-12-30");
        assertThat(instance(livePi)).extracting(p -> runtime.createProcessInstanceQuery().processInstanceId(p.getId()).count())
                .isEqualTo(0L);

        // in the middle: the history through the failed stage-2 review, imported, waits where the live run waited
        JsonNode partial = register(courtCase("R-PARTIAL", "2019-11-05"));
        assertThat(state(partial.get("processInstanceId").asText())).isEqualTo(midState);
        assertThat(midState).contains("DecideTermination", "ReviewSettlement", "ScheduleInspection", "WaitForLateTender");
    }

    /** Active activities and open tasks (with their milestones), in a stable order. */
    private String state(String processInstanceId) {
        Map<String, Integer> activities = new TreeMap<>();
        for (String a : runtime.getActiveActivityIds(processInstanceId)) activities.merge(a, 1, Integer::sum);
        List<String> open = new ArrayList<>();
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().forEach(t -> open.add(
                t.getTaskDefinitionKey() + ":" + tasks.getVariableLocal(t.getId(), "milestoneId")));
        open.sort(null);
        return activities + " " + open;
    }

    private JsonNode contract(String id) {
        return api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("contract");
    }
}
