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

    @Test
    void describesEveryEventTypeWithTheFieldsTheReaderTakes() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(resource(SCHEMA));
        JsonNode event = schema.at("/$defs/event");
        List<String> types = new ArrayList<>();
        event.at("/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(ContractFileReader.EVENT_FIELDS.keySet());
        for (String type : types) {
            JsonNode variant = null;
            for (JsonNode v : event.get("oneOf")) {
                JsonNode t = v.at("/properties/type");
                if (t.path("const").asText().equals(type) || t.path("enum").toString().contains("\"" + type + "\"")) variant = v;
            }
            assertThat(variant).as(type).isNotNull();
            List<String> fields = new ArrayList<>(ContractFileReader.EVENT_FIELDS.get(type));
            fields.add("date");
            fields.add("type");
            assertThat(keys(variant.get("properties"))).as(type).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertThat(keys(event.at("/oneOf/6/properties/items/items/properties")))
                .as("AMENDED items").containsExactly("code", "name", "amount", "milestone");
    }
}
