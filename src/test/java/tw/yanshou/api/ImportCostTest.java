package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.CourtCase;
import tw.yanshou.infrastructure.SqlCounter;

/**
 * What importing the court case costs the database, counted on the JDBC connection (SqlCounter): SQL statements
 * and commits per import. The bound is the (12): at most 300 statements and a few transactions per
 * contract, where replaying every step through the engine took 1,022 statements. The engine's history as in
 * production (the test profile keeps the steps' history for the path tests).
 */
@org.springframework.test.context.TestPropertySource(properties = "yanshou.engine-history.steps=false")
class ImportCostTest extends ApiTestSupport {
    @Autowired SqlCounter counter;

    private String register(String number) {
        String file = CourtCase.text().replace("\"107-ILOCKER-30\"", "\"" + number + "\"")
                .replace("\"107-ILOCKER-30-M\"", "\"" + number + "-M\"");
        var r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    @Test
    void theCourtCaseCostsAtMostThreeHundredStatementsAndOneCommit() {
        // the first imports warm the caches (process definition, calendars) that every later import shares
        for (int i = 0; i < 3; i++) register("COST-WARM-" + i + "-" + System.nanoTime());
        SqlCounter.Snapshot least = null;
        for (int i = 0; i < 3; i++) {
            SqlCounter.Snapshot before = counter.snapshot();
            register("COST-" + i + "-" + System.nanoTime());
            SqlCounter.Snapshot cost = counter.snapshot().minus(before);
            if (least == null || cost.statements() < least.statements()) least = cost;
        }
        System.out.printf("court case import: %d SQL statements, %d commits; by kind: %s%n", least.statements(),
                least.commits(), least.byKind());
        assertThat(least.statements()).as("%s", least.byKind()).isLessThanOrEqualTo(300);
        assertThat(least.commits()).as("commits of one import (the request's transaction; the token check's)").isLessThanOrEqualTo(3);
        // the court case ends terminated: no engine runtime row is left, so none may be written (only to be deleted)
        assertThat(least.byKind()).as("runtime rows written and deleted again").noneSatisfy((kind, n) ->
                assertThat(kind).matches("(INSERT|DELETE) ACT_RU_.*"));
        // the engine's history: the process instance only, its removal time set once at its start
        assertThat(least.byKind()).as("history written").noneSatisfy((kind, n) ->
                assertThat(kind).matches("(INSERT|UPDATE) ACT_HI_(ACTINST|TASKINST|VARINST).*|UPDATE ACT_HI_.*"));
        assertThat(least.byKind()).containsEntry("INSERT ACT_HI_PROCINST", 1L);
    }
}
