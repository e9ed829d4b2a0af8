package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.CourtCase;

/** The court case through the real API and engine gives the judgment's figures (臺灣高等法院111年度上字第122號). */
class CourtCaseApiTest extends ApiTestSupport {

    @Test
    void importsTheCourtCaseAndGivesTheCourtsFigures() {
        String yaml = CourtCase.text().replace(CourtCase.NUMBER + "\"", CourtCase.NUMBER + "-API\"");
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        assertThat(created.getBody().get("number").asText()).isEqualTo(CourtCase.NUMBER + "-API");
        assertThat(created.getBody().get("status").asText()).isEqualTo("TERMINATED");

        JsonNode s = api().get().uri("/api/contracts/{id}/statement?asOf={d}", id, CourtCase.AS_OF).retrieve().body(JsonNode.class);
        assertThat(longs(s.get("lines"), "days")).containsExactlyElementsOf(CourtCase.LINE_DAYS);
        assertThat(longs(s.get("lines"), "amount")).containsExactlyElementsOf(CourtCase.LINE_AMOUNTS);
        assertThat(texts(s.get("milestones"), "dueOn")).containsExactly(CourtCase.FIRST_DUE.toString(),
                CourtCase.FIRST_DUE.toString(), CourtCase.STAGE2_DUE.toString());
        assertThat(s.get("penalty").asLong()).isEqualTo(CourtCase.PENALTY);
        assertThat(s.get("cap").get("amount").asLong()).isEqualTo(CourtCase.CAP);
        assertThat(s.get("cap").get("waived").asBoolean()).isTrue();
        assertThat(s.get("cap").get("reachedOn").asText()).isEqualTo(CourtCase.CAP_REACHED_ON.toString());
        assertThat(s.get("terminationRightOn").asText()).isEqualTo(CourtCase.TERMINATION_RIGHT_ON.toString());
        JsonNode claim = s.get("claims").get(0);
        assertThat(claim.get("penalty").asLong()).isEqualTo(CourtCase.CLAIM_PENALTY);
        assertThat(claim.get("afterReductions").asLong()).isEqualTo(CourtCase.CLAIM_AFTER_REDUCTIONS);
        assertThat(claim.get("net").asLong()).isEqualTo(CourtCase.CLAIM_NET);
        assertThat(claim.get("interestDays").asLong()).isEqualTo(CourtCase.CLAIM_INTEREST_DAYS);
        assertThat(claim.get("interest").asLong()).isEqualTo(CourtCase.CLAIM_INTEREST);
        List<String> formulas = new java.util.ArrayList<>();
        claim.get("formulas").forEach(f -> formulas.add(f.asText()));
        assertThat(formulas).containsExactlyElementsOf(CourtCase.CLAIM_FORMULAS);
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("contract")
                .get("terminatedOn").asText()).isEqualTo(CourtCase.TERMINATED_ON.toString());

        JsonNode early = api().get().uri("/api/contracts/{id}/statement?asOf={d}", id, CourtCase.EARLY_AS_OF).retrieve()
                .body(JsonNode.class);
        assertThat(early.get("penalty").asLong()).isEqualTo(CourtCase.EARLY_PENALTY);
    }

    private static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(l -> values.add(l.get(field).decimalValue().longValueExact()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(l -> values.add(l.get(field).asText()));
        return values;
    }
}
