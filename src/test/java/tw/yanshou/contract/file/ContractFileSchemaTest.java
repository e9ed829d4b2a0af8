package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.contract.file.ContractFiles.courtCase;
import static tw.yanshou.contract.file.ContractFiles.resource;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

class ContractFileSchemaTest {

    private static final String SCHEMA = "/tw/yanshou/contract/file/contract-file-1.schema.json";

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void isAJsonSchemaOfDraft2020() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(resource(SCHEMA));

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/format/const").asInt()).isEqualTo(ContractFile.FORMAT);
    }

    @Test
    void describesEveryTopLevelKeyOfTheCourtCase() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(resource(SCHEMA));
        JsonNode courtCase = new YAMLMapper().readTree(courtCase());

        assertThat(keys(schema.get("properties"))).containsAll(keys(courtCase));
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(key -> required.add(key.asText()));
        assertThat(keys(courtCase)).containsAll(required);
        assertThat(keys(schema.at("/properties/contract/properties"))).containsAll(keys(courtCase.get("contract")));
        assertThat(keys(schema.at("/properties/terms/properties"))).containsAll(keys(courtCase.get("terms")));
    }
}
