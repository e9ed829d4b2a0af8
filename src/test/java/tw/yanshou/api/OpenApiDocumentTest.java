package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI document tells integrators how the API refuses: every operation lists its 4xx problem answers. */
class OpenApiDocumentTest extends ApiTestSupport {

    @Test
    void everyOperationDocumentsItsRefusalsAsProblemBodies() {
        JsonNode doc = api().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties())
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                JsonNode responses = op.getValue().get("responses");
                boolean problem4xx = false;
                for (Map.Entry<String, JsonNode> r : responses.properties())
                    if (r.getKey().startsWith("4") && r.getValue().at("/content/application~1problem+json/schema/$ref")
                            .asText().equals("#/components/schemas/Problem")) problem4xx = true;
                if (!problem4xx) undocumented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        assertThat(operations).isGreaterThan(10);
        assertThat(undocumented).as("operations without a documented 4xx problem answer").isEmpty();
        assertThat(doc.at("/components/schemas/Problem/properties/violations/items/properties/path")).isNotEmpty();
        assertThat(doc.at("/paths/~1api~1contracts/post/responses/422")).isNotEmpty();
        assertThat(doc.at("/paths/~1api~1contracts/post/responses/413")).isNotEmpty();
    }

    @Test
    void theDocumentHasALicenseAndNamesNoLocalhost() {
        JsonNode doc = api().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
        assertThat(doc.get("servers").toString()).doesNotContain("localhost");
    }
}
