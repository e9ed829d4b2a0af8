package tw.yanshou.contract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer of a batch as newline-delimited JSON ({@code application/x-ndjson}), one line written and flushed as
 * soon as it is known: {@code started} (how many files), one {@code item} per file (accepted with its id and
 * location, or refused with its status, title and problems, each with its field path), and {@code summary} — or
 * {@code aborted} if the batch stopped half-way (the files before it are registered).
 */
public final class BatchLines implements ContractBatch.Progress {
    public static final String MEDIA_TYPE = "application/x-ndjson";
    private final OutputStream out;
    private final ObjectMapper json;
    private final String locationPrefix;

    /** @param locationPrefix where an accepted contract is found, its id appended ({@code /api/contracts/}) */
    public BatchLines(OutputStream out, ObjectMapper json, String locationPrefix) {
        this.out = out;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.locationPrefix = locationPrefix;
    }

    @Override
    public void started(int items) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "started");
        line.put("items", items);
        write(line);
    }

    @Override
    public void done(ContractBatch.Outcome o) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "item");
        line.put("index", o.index());
        line.put("number", o.number());
        line.put("status", o.status());
        if (o.accepted()) {
            line.put("id", o.id());
            line.put("location", locationPrefix + o.id());
        } else {
            line.put("title", o.title());
            line.put("violations", o.problems().stream().map(v -> Map.of("path", v.path(), "message", v.message())).toList());
        }
        write(line);
    }

    public void summary(ContractBatch.Summary s) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "summary");
        line.put("items", s.items());
        line.put("accepted", s.accepted());
        line.put("refused", s.refused());
        write(line);
    }

    /** The batch stopped after the files already answered (the database went away, say). */
    public void aborted(String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "aborted");
        line.put("detail", detail);
        line.put("violations", List.of());
        write(line);
    }

    private void write(Map<String, Object> line) {
        try {
            json.writeValue(out, line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the caller went away", e);
        }
    }
}
