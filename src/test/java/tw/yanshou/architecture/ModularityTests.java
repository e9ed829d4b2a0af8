package tw.yanshou.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import tw.yanshou.YanshouApplication;

/**
 * The modules ({@code tw.yanshou.<module>}) depend on each other without cycles and only through each other's
 * public face (the base package, and sub-packages named with {@code @NamedInterface}); where one must react to
 * another against that direction, it listens to events. The module documentation in {@code docs/modules} is made
 * from the code by this test: a run that changes it fails, so a change of the modules is committed with its picture.
 */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(YanshouApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicFace() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesAreThere() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("audit", "backup", "calculus", "contract", "desk", "document", "infrastructure",
                        "notification", "officecalendar", "portal", "report", "security", "web", "workflow");
    }

    @Test
    void moduleDocumentationIsTheCodes() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        Map<String, String> before = read(DOCS);
        Map<String, String> now = read(generated);
        if (normalized(before).equals(normalized(now))) return;
        Files.createDirectories(DOCS);
        for (Map.Entry<String, String> e : now.entrySet())
            Files.writeString(DOCS.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        for (String stale : before.keySet()) if (!now.containsKey(stale)) Files.delete(DOCS.resolve(stale));
        Files.writeString(DOCS.resolve("components.svg"), svg(now.get("components.puml")), StandardCharsets.UTF_8);
        assertThat(normalized(before))
                .as("docs/modules was out of date and has been written again from the code: commit it")
                .isEqualTo(normalized(now));
    }

    /** The Documenter writes the same relations in an order that varies from run to run: compare the lines as sets. */
    private static Map<String, List<String>> normalized(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, text) -> lines.put(name, text.lines().map(String::strip).sorted().toList()));
        return lines;
    }

    /** The generated diagrams of a folder, by name. */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) return files;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".puml")).toList())
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return files;
    }

    /** The diagram as SVG, laid out by PlantUML's own Java layout (Smetana), so no Graphviz is needed. */
    private static String svg(String plantUml) throws IOException {
        String source = plantUml.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        return out.toString(StandardCharsets.UTF_8);
    }
}
