package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The court case through the real API and engine gives the judgment's figures (臺灣高等法院111年度上字第122號). */
class CourtCaseApiTest extends ApiTestSupport {

    @Test
    void importsTheCourtCaseAndGivesTheCourtsFigures() {
        String yaml = resource("/contracts/ilocker-107.yaml").replace("107-ILOCKER-30\"", "107-ILOCKER-30-API\"");
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        assertThat(created.getBody().get("status").asText()).isEqualTo("TERMINATED");

        JsonNode s = api().get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", id).retrieve().body(JsonNode.class);
        assertThat(s.get("lines")).hasSize(4);
        assertThat(days(s.get("lines"))).containsExactly(28L, 56L, 7L, 119L);
        assertThat(s.get("penalty").asLong()).isEqualTo(6_615_840L);
        assertThat(s.get("cap").get("amount").asLong()).isEqualTo(2_076_000L);
        assertThat(s.get("cap").get("waived").asBoolean()).isTrue();
        assertThat(s.get("cap").get("reachedOn").asText()).isEqualTo("2019-09-12");
        assertThat(s.get("terminationRightOn").asText()).isEqualTo("2019-09-12");
        JsonNode claim = s.get("claims").get(0);
        assertThat(claim.get("penalty").asLong()).isEqualTo(4_166_160L);
        assertThat(claim.get("afterReductions").asLong()).isEqualTo(2_083_080L);
        assertThat(claim.get("net").asLong()).isEqualTo(1_033_080L);
        assertThat(claim.get("interestDays").asLong()).isEqualTo(1_477L);
        assertThat(claim.get("interest").asLong()).isEqualTo(209_022L);
        assertThat(claim.get("formulas").get(0).asText()).isEqualTo("10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400");
        assertThat(claim.get("formulas").get(1).asText()).isEqualTo("990,000 × 4‰ × 56 = 221,760");

        JsonNode early = api().get().uri("/api/contracts/{id}/statement?asOf=2019-11-01", id).retrieve().body(JsonNode.class);
        assertThat(early.get("penalty").asLong()).isEqualTo(4_124_640L);
    }

    private static List<Long> days(JsonNode lines) {
        List<Long> days = new java.util.ArrayList<>();
        lines.forEach(l -> days.add(l.get("days").asLong()));
        return days;
    }

}
