package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.YanshouApplication;
import tw.yanshou.api.ApiTestSupport;

/** The server stops mid-contract and starts again on the same embedded database: timers and statement carry on. */
class RestartTest {
    private Path dataDir;

    @AfterEach
    void cleanUp() throws IOException {
        ClockUtil.reset();
        if (dataDir != null && Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0",
                "--yanshou.embedded-postgres.data-dir=" + dataDir,
                "--yanshou.embedded-postgres.clean=false",
                "--yanshou.embedded-postgres.port=0",
                "--yanshou.bootstrap-token=" + ApiTestSupport.TOKEN,
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=restart",
                "--spring.jmx.enabled=false");
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        return RestClient.builder().baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + ApiTestSupport.TOKEN)
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    @Test
    void carriesOnAfterARestart() throws Exception {
        dataDir = Files.createTempDirectory("yanshou-restart");
        ProcessTestSupport.travelTo("2019-01-10");
        String id;
        String processInstanceId;
        try (ConfigurableApplicationContext first = start()) {
            JsonNode created = api(first).post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                    .body(ProcessPathsTest.contract("RESTART-1", null)).retrieve().body(JsonNode.class);
            id = created.get("id").asText();
            processInstanceId = api(first).get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class)
                    .get("contract").get("processInstanceId").asText();
        }
        try (ConfigurableApplicationContext second = start()) {
            // the library's default (off) would lose committed events in a crash; the server turns it on
            assertThat(second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("show synchronous_commit")
                    .query(String.class).single()).isEqualTo("on");
            RuntimeService runtime = second.getBean(RuntimeService.class);
            ManagementService management = second.getBean(ManagementService.class);
            assertThat(runtime.getActiveActivityIds(processInstanceId)).contains("WaitForTender");
            List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).activityId("DuePassed").list();
            assertThat(timers).singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-01-31T16:00:00Z");

            ProcessTestSupport.travelTo("2019-02-05");
            for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers()
                    .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list())
                management.executeJob(job.getId());
            assertThat(runtime.getActiveActivityIds(processInstanceId)).contains("WaitForLateTender");
            // 02-01..02-05: 5 late days × 1,000; the statement stored by the timer is the one the API gives
            JsonNode statement = api(second).get().uri("/api/contracts/{id}/statement?asOf=2019-02-05", id).retrieve().body(JsonNode.class);
            assertThat(statement.get("penalty").asLong()).isEqualTo(5_000L);
            String stored = second.getBean(tw.yanshou.contract.ContractRepository.class)
                    .storedStatement(java.util.UUID.fromString(id), LocalDate.parse("2019-02-05")).orElseThrow();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored).get("penalty").asLong()).isEqualTo(5_000L);
        }
    }
}
