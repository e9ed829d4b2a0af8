package tw.yanshou.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every visible word of the pages comes from the messages, in Chinese (default) and English alike. */
class MessagesInSyncTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesInSyncTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").keySet()).isEqualTo(load("messages.properties").keySet());
    }

    @Test
    void templatesUseOnlyKnownMessagesAndNoHardCodedText() throws IOException {
        Properties messages = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9.]+)");
        Pattern visibleText = Pattern.compile(">\\s*[^<\\s][^<]*<");
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                key.matcher(html).results().forEach(m -> assertThat(messages).as(file + " uses " + m.group(1)).containsKey(m.group(1)));
                // text between tags must be a th:text default, i.e. on an element that also has th:text
                for (String line : html.split("\n")) {
                    if (visibleText.matcher(line).find() && !line.contains("th:text") && !line.contains("<style")
                            && !line.contains("{") && !line.trim().startsWith("<title"))
                        throw new AssertionError(file + " has hard-coded text: " + line.trim());
                }
            }
        }
    }
}
