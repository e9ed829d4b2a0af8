package tw.yanshou.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.EventAttachments;
import tw.yanshou.contract.EventDocuments;
import tw.yanshou.contract.file.DocumentRef;
import tw.yanshou.security.Actor;
import tw.yanshou.web.NotFoundException;

/**
 * Stores the files sent with an event and answers them back. A file is read once, as a stream: its first bytes
 * name its type (Apache Tika's magic, the file name only where the bytes allow several), then its bytes go to the
 * database through a SHA-256 digest and a counter that stops at the limit. Nothing is held in memory whole, neither
 * in nor out (downloads read the stored bytes in slices).
 */
@Service
public class Documents implements EventDocuments {
    /** What may be attached: PDF, images, office documents, plain text, zip. */
    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/tiff", "image/bmp",
            "text/plain", "text/csv",
            "application/zip",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/x-tika-ooxml", "application/x-tika-msoffice",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int SLICE = 1 << 20;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ContractService contracts;
    private final ApplicationEventPublisher events;
    private final long limit;
    private final Tika tika = new Tika();

    Documents(JdbcClient jdbc, JdbcTemplate template, ContractService contracts, ApplicationEventPublisher events,
              @Value("${yanshou.limits.document:50MB}") DataSize limit) {
        this.jdbc = jdbc;
        this.template = template;
        this.contracts = contracts;
        this.events = events;
        this.limit = limit.toBytes();
    }

    public long limit() { return limit; }

    /** The files to store with an event being recorded (through {@link ContractService}), in its transaction. */
    public EventAttachments attachments(List<Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) return null;
        // refused before the event is even read when the container already says so
        for (Upload u : uploads) checkSize(u, u.size());
        return (contractId, eventId, actor) -> store(contractId, eventId, actor, uploads);
    }

    private List<String> store(UUID contractId, UUID eventId, Actor actor, List<Upload> uploads) {
        List<String> hashes = new ArrayList<>();
        List<DocumentView> stored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (Upload u : uploads) {
            String name = FileNames.safe(u.submittedName());
            if (u.size() == 0) throw refused(HttpStatus.UNPROCESSABLE_ENTITY, u, "document.refused.empty",
                    "the file \"" + name + "\" is empty");
            String type;
            String hash;
            UUID contentId = UUID.randomUUID();
            try (InputStream raw = u.source().open();
                 InputStream in = org.apache.tika.io.TikaInputStream.get(new Bounded(raw, limit, u))) {
                Metadata metadata = new Metadata();
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
                type = tika.getDetector().detect(in, metadata).getBaseType().toString();
                if (!ALLOWED.contains(type)) throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, u, "document.refused.type",
                        "the file \"" + name + "\" is " + type + ", which may not be attached; allowed are PDF, images, "
                                + "office documents, plain text and zip", type);
                MessageDigest sha = sha256();
                DigestInputStream digesting = new DigestInputStream(in, sha);
                template.update(con -> {
                    PreparedStatement ps = con.prepareStatement("insert into document_content (id, content) values (?, ?)");
                    ps.setObject(1, contentId);
                    ps.setBinaryStream(2, digesting, u.size());   // streamed to the server, never held whole
                    return ps;
                });
                hash = HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                for (Throwable c = e; c != null; c = c.getCause())
                    if (c instanceof TooLarge) throw tooLarge(u);
                throw new UncheckedIOException("the file " + name + " could not be read", e);
            } catch (RuntimeException e) {
                for (Throwable c = e; c != null; c = c.getCause())
                    if (c instanceof TooLarge) throw tooLarge(u);
                throw e;
            }
            if (!seen.add(hash)) throw refused(HttpStatus.UNPROCESSABLE_ENTITY, u, "document.refused.twice",
                    "the file \"" + name + "\" is sent twice (SHA-256 " + hash + ")");
            jdbc.sql("insert into document (id, contract_id, event_id, position, sha256, name, size, content_type, content_id, "
                            + "uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), contractId, eventId, position++, hash, name, u.size(), type, contentId,
                            actor.name()).update();
            hashes.add(hash);
        }
        stored.addAll(jdbc.sql(SELECT + " where d.event_id = ? order by d.position").param(eventId).query(Documents::view).list());
        events.publishEvent(new DocumentsAttached(contractId, eventId, stored, actor.isStaff()));
        return hashes;
    }

    private void checkSize(Upload u, long size) {
        if (size > limit) throw tooLarge(u);
    }

    private DocumentRefusedException tooLarge(Upload u) {
        String mb = DataSize.ofBytes(limit).toMegabytes() + " MB";
        return refused(HttpStatus.PAYLOAD_TOO_LARGE, u, "document.refused.size",
                "the file \"" + FileNames.safe(u.submittedName()) + "\" is larger than " + mb + ", the most a document may be", mb);
    }

    private static DocumentRefusedException refused(HttpStatus status, Upload u, String reason, String message, Object... args) {
        String name = FileNames.safe(u.submittedName());
        Object[] all = new Object[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return new DocumentRefusedException(status, u.part(), name, reason, message + "; nothing was stored", all);
    }

    private static final String SELECT = "select d.sha256, d.name, d.size, d.content_type, d.event_id, d.uploaded_by, "
            + "d.uploaded_at, d.content_id from document d";

    private static DocumentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DocumentView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    /** The documents of a contract the actor may see (404 otherwise), oldest first. */
    public List<DocumentView> list(UUID contractId, Actor actor) {
        contracts.summary(contractId, actor);
        return jdbc.sql(SELECT + " where d.contract_id = ? order by d.uploaded_at, d.position").param(contractId)
                .query(Documents::view).list();
    }

    /** The documents of a contract by event: what the event log shows beside each entry. */
    public Map<UUID, List<DocumentView>> byEvent(UUID contractId, Actor actor) {
        return list(contractId, actor).stream().collect(Collectors.groupingBy(DocumentView::eventId,
                java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** A document of a contract the actor may see, by its SHA-256; 404 for anything else. */
    public DocumentView find(UUID contractId, String sha256, Actor actor) {
        contracts.summary(contractId, actor);
        if (sha256 == null || !SHA256.matcher(sha256).matches())
            throw new NotFoundException("no document " + sha256 + " in contract " + contractId);
        return first(contractId, sha256).orElseThrow(
                () -> new NotFoundException("no document " + sha256 + " in contract " + contractId));
    }

    private Optional<DocumentView> first(UUID contractId, String sha256) {
        return jdbc.sql(SELECT + " where d.contract_id = ? and d.sha256 = ? order by d.uploaded_at limit 1")
                .params(contractId, sha256).query(Documents::view).optional();
    }

    /** Writes a document's bytes (found with {@link #find}) to {@code out}, a slice at a time. */
    public void copy(UUID contractId, String sha256, Actor actor, OutputStream out) throws IOException {
        find(contractId, sha256, actor);
        UUID content = jdbc.sql("select content_id from document where contract_id = ? and sha256 = ? order by uploaded_at limit 1")
                .params(contractId, sha256).query(UUID.class).single();
        long size = jdbc.sql("select octet_length(content) from document_content where id = ?").param(content)
                .query(Long.class).single();
        for (long from = 0; from < size; from += SLICE) {
            byte[] slice = jdbc.sql("select substring(content from cast(? as int) for cast(? as int)) from document_content where id = ?")
                    .params(from + 1, SLICE, content).query(byte[].class).single();
            out.write(slice);
        }
        out.flush();
    }

    @Override
    public Map<UUID, List<DocumentRef>> byEvent(UUID contractId) {
        Map<UUID, List<DocumentRef>> refs = new java.util.LinkedHashMap<>();
        jdbc.sql(SELECT + " where d.contract_id = ? order by d.event_id, d.position").param(contractId).query(Documents::view)
                .list().forEach(d -> refs.computeIfAbsent(d.eventId(), e -> new ArrayList<>())
                        .add(new DocumentRef(d.sha256(), d.name(), d.size(), d.contentType())));
        return refs;
    }

    /**
     * A document named by hash in a contract file being registered: attached to its event when the same bytes (the
     * SHA-256 and the size) are stored on this server, in any contract; the content is shared, not copied, and the
     * type is the one sniffed when the bytes came in.
     */
    @Override
    public boolean link(UUID contractId, UUID eventId, int position, DocumentRef ref, Actor actor) {
        List<Map<String, Object>> rows = jdbc.sql("select content_id, content_type from document where sha256 = ? and size = ? "
                + "order by uploaded_at limit 1").params(ref.sha256(), ref.size()).query().listOfRows();
        if (rows.isEmpty()) return false;
        jdbc.sql("insert into document (id, contract_id, event_id, position, sha256, name, size, content_type, content_id, "
                        + "uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), contractId, eventId, position, ref.sha256(), FileNames.safe(ref.name()), ref.size(),
                        rows.get(0).get("content_type"), rows.get(0).get("content_id"), actor.name()).update();
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passed the limit while being read (the sender's declared size was not the truth). */
    private static final class TooLarge extends IOException {
        TooLarge() { super("larger than the limit"); }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit, Upload upload) {
            super(in);
            this.limit = limit;
        }

        private int count(int n) throws IOException {
            if (n > 0 && (read += n) > limit) throw new TooLarge();
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException { return count(super.read(b, off, len)); }

        @Override public boolean markSupported() { return false; }
    }
}
