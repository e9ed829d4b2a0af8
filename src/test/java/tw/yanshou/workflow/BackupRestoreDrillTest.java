package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.CourtCase;
import tw.yanshou.YanshouApplication;
import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.api.TestContracts;

/**
 * The restore drill of issue 11: a running server with contracts mid-life is backed up online; the backup, started
 * as the data directory of a fresh server, gives the same statements, open tasks and timers — and nothing recorded
 * after the backup.
 */
class BackupRestoreDrillTest {
    private Path work;

    @AfterEach
    void cleanUp() throws IOException {
        ClockUtil.reset();
        if (work != null && Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private ConfigurableApplicationContext start(Path dataDir, String engine) {
        return new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0",
                "--yanshou.embedded-postgres.data-dir=" + dataDir,
                "--yanshou.embedded-postgres.port=0",
                "--yanshou.embedded-postgres.clean=false",
                "--yanshou.embedded-postgres.exit-when-stopped=false",
                "--yanshou.backup.dir=" + work.resolve("backups"),
                "--yanshou.bootstrap-token=" + ApiTestSupport.TOKEN,
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=" + engine,
                "--spring.jmx.enabled=false");
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        return RestClient.builder().baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + ApiTestSupport.TOKEN)
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    /** What must come back: statements, open tasks and timers of the contracts. */
    private record State(JsonNode courtCase, JsonNode open, List<String> tasks, List<String> timers, List<String> activities) { }

    private static State state(ConfigurableApplicationContext app, String courtCaseId, String openId, String processInstanceId) {
        RestClient api = api(app);
        JsonNode court = api.get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", courtCaseId).retrieve().body(JsonNode.class);
        JsonNode open = api.get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", openId).retrieve().body(JsonNode.class);
        List<String> tasks = app.getBean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(t -> t.getTaskDefinitionKey() + "@" + t.getCreateTime().toInstant()).sorted().toList();
        List<String> timers = app.getBean(ManagementService.class).createJobQuery().processInstanceId(processInstanceId).timers()
                .list().stream().map(j -> j.getId() + ":" + j.getDuedate().toInstant()).sorted().toList();
        List<String> activities = app.getBean(RuntimeService.class).getActiveActivityIds(processInstanceId).stream().sorted().toList();
        return new State(court, open, tasks, timers, activities);
    }

    @Test
    void aBackupOfARunningServerRestoresTheSameContractsTasksAndTimers() throws Exception {
        work = Files.createTempDirectory("yanshou-backup-drill");
        ProcessTestSupport.travelTo("2024-06-25");
        String courtCaseId;
        String openId;
        String processInstanceId;
        State before;
        Path backup;
        try (ConfigurableApplicationContext live = start(work.resolve("live"), "backup-live")) {
            RestClient api = api(live);
            courtCaseId = api.post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(CourtCase.text().replace(CourtCase.NUMBER, "BACKUP-COURT")).retrieve().body(JsonNode.class).get("id").asText();
            JsonNode open = api.post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(TestContracts.small("BACKUP-OPEN", null, "  - { date: 2019-02-10, type: TENDERED, milestone: M }"))
                    .retrieve().body(JsonNode.class);
            openId = open.get("id").asText();
            processInstanceId = api.get().uri("/api/contracts/{id}", openId).retrieve().body(JsonNode.class)
                    .at("/contract/processInstanceId").asText();
            before = state(live, courtCaseId, openId, processInstanceId);
            assertThat(before.tasks()).singleElement().asString().startsWith("ScheduleInspection");
            // tendered, it waits for its inspection: no timer (the daily accrual is no process timer since V12, docs/process.md)
            assertThat(before.timers()).isEmpty();

            JsonNode made = api.post().uri("/api/admin/backups").retrieve().body(JsonNode.class);
            assertThat(made.get("bytes").asLong()).isPositive();
            backup = Path.of(made.get("directory").asText());
            // recorded after the backup: the restore must not have it
            assertThat(api.post().uri("/api/contracts/{id}/events", openId).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"date\":\"2019-02-15\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(201);
        }
        try (ConfigurableApplicationContext restored = start(backup, "backup-restored")) {
            State after = state(restored, courtCaseId, openId, processInstanceId);
            assertThat(after).isEqualTo(before);
            assertThat(after.courtCase().get("penalty").asLong()).isEqualTo(CourtCase.PENALTY);
            assertThat(api(restored).get().uri("/api/contracts/{id}", openId).retrieve().body(JsonNode.class).get("log"))
                    .hasSize(1);
            assertThat(api(restored).get().uri("/api/contracts/{id}/integrity", openId).retrieve().body(JsonNode.class)
                    .at("/events/intact").asBoolean()).isTrue();
        }
    }
}
