package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.contract.file.ContractFiles.courtCase;
import static tw.yanshou.contract.file.ContractFiles.resource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tw.yanshou.CourtCase;

/**
 * The published JSON Schema of the contract file (contract-file-1.schema.json, draft 2020-12) agrees with the
 * files the reader accepts: the court case and every example file validate against it, and a wrong field does not.
 * Validated with networknt json-schema-validator (Apache-2.0), which implements draft 2020-12.
 */
class ContractFileSchemaTest {

    private static final String SCHEMA = "/tw/yanshou/contract/file/contract-file-1.schema.json";
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(resource(SCHEMA));
    }

    /** What the schema finds wrong with a file written as YAML (dates stay strings, as in JSON). */
    private static List<String> errors(String yaml) throws IOException {
        return schema().validate(YAML.readTree(yaml)).stream().map(Error::toString).toList();
    }

    /** Every file under src/test/resources/contracts, and the small file the reader tests use. */
    static Stream<Arguments> examples() throws IOException, URISyntaxException {
        Path dir = Path.of(ContractFileSchemaTest.class.getResource("/contracts").toURI());
        List<Arguments> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.sorted().toList()) files.add(Arguments.of(p.getFileName().toString(), Files.readString(p)));
        }
        assertThat(files).extracting(a -> a.get()[0]).contains(Path.of(CourtCase.FILE).getFileName().toString());
        files.add(Arguments.of("ContractFiles.SMALL", ContractFiles.SMALL));
        return files.stream();
    }

    @Test
    void isAJsonSchemaOfDraft2020() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(resource(SCHEMA));

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/format/const").asInt()).isEqualTo(ContractFile.FORMAT);
    }

    @Test
    void validatesTheCourtCase() throws Exception {
        assertThat(errors(CourtCase.text())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesEveryExampleFile(String name, String text) throws Exception {
        assertThat(errors(text)).as(name).isEmpty();
        // and the reader takes it too: schema and reader agree
        assertThat(ContractFiles.READER.read(text).number()).isNotBlank();
    }

    static Stream<Arguments> wrongFields() {
        return Stream.of(
                Arguments.of("signedOn: 2018-10-18", "signedOn: [2018, 10, 18]", "/contract/signedOn"),
                Arguments.of("ratePerMille: 4", "ratePerMille: \"four\"", "/terms/penalty/ratePerMille"),
                Arguments.of("amount: 990000 }", "amount: -990000 }", "/contract/items/1/amount"),
                Arguments.of("basis: LATE_ITEMS", "basis: LATE_DAYS", "/terms/penalty/basis"),
                Arguments.of("currency: TWD", "currency: TWD\n  colour: blue", "/contract"),
                Arguments.of("type: MEDIATION_FILED", "type: MEDIATION_STARTED", "/events/4"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongFields")
    void refusesAFileWithAWrongField(String target, String replacement, String location) throws Exception {
        assertThat(CourtCase.text()).contains(target);
        List<String> errors = errors(CourtCase.text().replace(target, replacement));
        assertThat(errors).isNotEmpty().anySatisfy(e -> assertThat(e).contains(location));
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
            fields.add("documents");   // every event of a file may name its documents by hash
            assertThat(keys(variant.get("properties"))).as(type).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertThat(keys(event.at("/oneOf/6/properties/items/items/properties")))
                .as("AMENDED items").containsExactly("code", "name", "amount", "milestone");
    }
}
