package tw.yanshou.contract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Violation;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Actor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;

/**
 * Registers many contract files sent at once — a multi-document YAML stream ({@code ---} between files) or a JSON
 * array of files — each on its own: every file goes through {@link ContractService#register} in its own
 * transaction, exactly as if it had been posted alone, and is accepted or refused with its problems while the
 * others go on.
 *
 * <p>The stream is first kept in a temporary file (never in memory) and walked once to find where each file
 * begins and ends (YAML: document markers at the start of a line, which YAML forbids anywhere else; JSON: Jackson's
 * streaming parser skipping each element), so that a batch over the item limit or a stream that cannot be read at
 * all (a JSON array broken off, bytes that are no text) is refused before anything is stored, and the caller learns
 * the number of files before the first one is registered. A YAML document that does not read is that file's
 * problem, not the batch's: the documents around it still go in. Each file is then read alone, bounded by the
 * contract file limit.
 */
@Service
public class ContractBatch {
    private static final Logger log = LoggerFactory.getLogger(ContractBatch.class);
    private static final ObjectMapper LENIENT = new ObjectMapper(new YAMLFactory());
    private static final JsonFactory JSON = new JsonFactory();

    private final ContractService contracts;
    private final Retrying retrying;
    private final AuditLog audit;
    private final int maxItems;
    private final long fileLimit;
    private final long batchLimit;

    ContractBatch(ContractService contracts, Retrying retrying, AuditLog audit,
                  @Value("${yanshou.limits.batch-items:1000}") int maxItems,
                  @Value("${yanshou.limits.contract-file:2MB}") DataSize fileLimit,
                  @Value("${yanshou.limits.batch:20MB}") DataSize batchLimit) {
        this.contracts = contracts;
        this.retrying = retrying;
        this.audit = audit;
        this.maxItems = maxItems;
        this.fileLimit = fileLimit.toBytes();
        this.batchLimit = batchLimit.toBytes();
    }

    /** What became of one file: accepted (201, its id) or refused (400, 409, 413, 422) with its problems. */
    public record Outcome(int index, String number, int status, UUID id, String title, List<Violation> problems) {
        public boolean accepted() { return status == 201; }
    }

    /** The batch as a whole. */
    public record Summary(int items, int accepted, int refused) { }

    /** Told as the batch goes: the number of files before the first, then each file as it is done. */
    public interface Progress {
        void started(int items);

        void done(Outcome outcome);
    }

    /** Refuses a caller who may not register contracts (before the batch is read). */
    public void contractsMayBeRegisteredBy(Actor actor) { contracts.requireMayRegister(actor); }

    /** The most files one batch may hold ({@code yanshou.limits.batch-items}). */
    public int maxItems() { return maxItems; }

    /** The largest batch in bytes ({@code yanshou.limits.batch}). */
    public long maxBytes() { return batchLimit; }

    /**
     * Registers the files of {@code stream}, telling {@code progress} as it goes.
     *
     * @throws InvalidInputException (before anything is stored) if the stream cannot be split into files, holds
     *     none, or more than the limit
     */
    public Summary register(InputStream stream, Actor actor, Progress progress) {
        contracts.requireMayRegister(actor);
        Path spool = null;
        try {
            spool = Files.createTempFile("yanshou-batch-", ".part");
            try (InputStream in = stream; var out = Files.newOutputStream(spool)) {
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if ((size += n) > batchLimit) throw new InvalidInputException("$", "the batch may hold at most "
                            + DataSize.ofBytes(batchLimit).toMegabytes() + " MB; send it in parts (nothing was stored)");
                    out.write(buffer, 0, n);
                }
            }
            List<long[]> items = split(spool);
            if (items.isEmpty()) throw new InvalidInputException(List.of(Violation.unreadable("$",
                    "the batch holds no contract file: send YAML documents separated by --- or a JSON array of files")));
            progress.started(items.size());
            int accepted = 0;
            try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.READ)) {
                for (int i = 0; i < items.size(); i++) {
                    Outcome outcome = one(channel, i, items.get(i), actor);
                    if (outcome.accepted()) accepted++;
                    progress.done(outcome);
                }
            }
            Summary summary = new Summary(items.size(), accepted, items.size() - accepted);
            audit.record(actor.name(), "CONTRACTS_BATCH_IMPORTED", null,
                    Map.of("items", summary.items(), "accepted", summary.accepted(), "refused", summary.refused()));
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                log.warn("could not delete {}", spool, e);
            }
        }
    }

    /** Where each file of the stream begins and ends (byte offsets, end exclusive). */
    List<long[]> split(Path spool) throws IOException {
        int first = firstSignificantByte(spool);
        return first == '[' ? jsonElements(spool) : yamlDocuments(spool);
    }

    private static int firstSignificantByte(Path spool) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(spool))) {
            for (int b = in.read(), n = 0; b >= 0; b = in.read(), n++) {
                if (n < 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) continue;   // a UTF-8 byte order mark
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return b;
            }
            return -1;
        }
    }

    /** The elements of a JSON array; a stream that breaks off or has more after the array cannot be split. */
    private List<long[]> jsonElements(Path spool) throws IOException {
        List<long[]> items = new ArrayList<>();
        try (JsonParser p = JSON.createParser(Files.newInputStream(spool))) {
            p.nextToken();   // START_ARRAY
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) throw unreadable("the JSON array is not closed (\"]\" missing)");
                long start = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                long end = p.currentLocation().getByteOffset();
                tooMany(items.size() + 1);
                items.add(new long[] {start, end});
            }
            if (p.nextToken() != null) throw unreadable("there is more after the JSON array at line "
                    + p.currentTokenLocation().getLineNr() + "; send one array of contract files");
        } catch (JsonProcessingException e) {
            throw unreadable("the JSON array cannot be read at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return items;
    }

    /**
     * The documents of a YAML stream: a line beginning with {@code ---} starts one, a line {@code ...} ends one (YAML
     * allows these markers nowhere else at the start of a line). Documents holding only blanks and comments are
     * skipped (a stream that begins with {@code ---}).
     */
    private List<long[]> yamlDocuments(Path spool) throws IOException {
        List<long[]> items = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(spool), 1 << 16)) {
            long pos = 0, lineStart = 0, docStart = 0;
            boolean content = false;
            byte[] head = new byte[4];
            int headLength = 0;
            boolean significant = false;   // the line holds something besides blanks and a comment
            boolean inLineStart = true;
            int b;
            do {
                b = in.read();
                if (b == '\n' || b < 0) {
                    long lineEnd = b < 0 ? pos : pos + 1;
                    String marker = marker(head, headLength);
                    if ("---".equals(marker)) {
                        if (content) add(items, docStart, lineStart);
                        docStart = lineStart;
                        content = restIsSignificant(spool, lineStart + 3, pos);
                    } else if ("...".equals(marker)) {
                        if (content) add(items, docStart, lineEnd);
                        docStart = lineEnd;
                        content = false;
                    } else if (significant) {
                        content = true;
                    }
                    lineStart = lineEnd;
                    headLength = 0;
                    significant = false;
                    inLineStart = true;
                } else {
                    if (headLength < 4) head[headLength++] = (byte) b;
                    if (inLineStart && b != ' ' && b != '\t' && b != '\r') {
                        inLineStart = false;
                        significant = b != '#' && !(pos == 0 && b == 0xEF);
                    }
                }
                pos++;
            } while (b >= 0);
            if (content) add(items, docStart, pos - 1);
        }
        return items;
    }

    private void add(List<long[]> items, long start, long end) {
        tooMany(items.size() + 1);
        items.add(new long[] {start, end});
    }

    private void tooMany(int count) {
        if (count > maxItems) throw new InvalidInputException("$", "a batch may hold at most " + maxItems
                + " contract files; this one holds more; send it in parts (nothing was stored)");
    }

    /** {@code ---} or {@code ...} when the line is that marker (followed by its end, a blank or a tab). */
    private static String marker(byte[] head, int length) {
        if (length < 3) return null;
        boolean dashes = head[0] == '-' && head[1] == '-' && head[2] == '-';
        boolean dots = head[0] == '.' && head[1] == '.' && head[2] == '.';
        if (!dashes && !dots) return null;
        if (length > 3 && head[3] != ' ' && head[3] != '\t' && head[3] != '\r') return null;
        return dashes ? "---" : "...";
    }

    /** Whether the rest of a {@code ---} line holds a value ({@code --- {a: 1}}), not just blanks or a comment. */
    private static boolean restIsSignificant(Path spool, long from, long to) throws IOException {
        if (to <= from) return false;
        try (FileChannel c = FileChannel.open(spool, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(to - from, 4096));
            c.read(buffer, from);
            for (int i = 0; i < buffer.position(); i++) {
                byte b = buffer.get(i);
                if (b == '#') return false;
                if (b != ' ' && b != '\t' && b != '\r') return true;
            }
            return false;
        }
    }

    private static InvalidInputException unreadable(String message) {
        return new InvalidInputException(List.of(Violation.unreadable("$", message + "; nothing was stored")));
    }

    /** Reads and registers one file; what goes wrong is this file's outcome, never the batch's. */
    private Outcome one(FileChannel channel, int index, long[] range, Actor actor) throws IOException {
        long length = range[1] - range[0];
        if (length > fileLimit)
            return new Outcome(index, null, 413, null, "The contract file is too large", List.of(new Violation("$",
                    "a contract file may hold at most " + DataSize.ofBytes(fileLimit).toKilobytes() + " KB")));
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        while (bytes.hasRemaining() && channel.read(bytes, range[0] + bytes.position()) >= 0) { }
        bytes.flip();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new Outcome(index, null, 400, null, "The file cannot be read", List.of(Violation.unreadable("$",
                    "the file is not valid UTF-8 text; save it as UTF-8")));
        }
        try {
            ContractSummary c = retrying.call(() -> contracts.register(text, actor));
            return new Outcome(index, c.number(), 201, c.id(), null, List.of());
        } catch (RuntimeException e) {
            return refused(index, numberOf(text), e);
        }
    }

    /** The answer for a refused file, as the single registration's problem body would give it. */
    static Outcome refused(int index, String number, RuntimeException e) {
        Throwable cause = e;
        if (e instanceof ProcessEngineException) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause())
                if (c instanceof InvalidContractException || c instanceof InvalidInputException || c instanceof ConflictException) {
                    cause = c;
                    break;
                }
        }
        if (cause instanceof InvalidContractException i) return invalid(index, number, i.violations());
        if (cause instanceof InvalidInputException i) return invalid(index, number, i.violations());
        if (cause instanceof ConflictException c)
            return new Outcome(index, number, 409, null, "Not possible in the contract's state",
                    c.violations().isEmpty() ? List.of(Violation.conflict("$", c.getMessage())) : c.violations());
        if (cause instanceof DuplicateKeyException)
            return new Outcome(index, number, 409, null, "Already exists", List.of(Violation.conflict("contract.number",
                    "another request registered the same number at the same moment")));
        if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException)
            return new Outcome(index, number, 503, null, "Busy", List.of(new Violation("$",
                    "the contract kept meeting other changes; send this file again")));
        log.error("batch item {} ({}) failed", index, number, e);
        return new Outcome(index, number, 500, null, "Internal error", List.of(new Violation("$",
                "the server could not register this file; the others are not affected; see the server log")));
    }

    private static Outcome invalid(int index, String number, List<Violation> violations) {
        boolean unreadable = violations.stream().anyMatch(v -> v.kind() == Violation.Kind.UNREADABLE);
        return new Outcome(index, number, unreadable ? 400 : 422, null,
                unreadable ? "The file cannot be read" : "The contract or event breaks the rules", violations);
    }

    /** The contract number of a refused file, where one can be read, so that the caller knows which it was. */
    private static String numberOf(String text) {
        try {
            JsonNode number = LENIENT.readTree(text).path("contract").path("number");
            return number.isValueNode() && !number.isNull() ? number.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
