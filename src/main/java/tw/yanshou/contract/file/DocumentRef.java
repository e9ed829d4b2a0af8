package tw.yanshou.contract.file;

import java.util.Objects;

/**
 * A document of an event as a contract file names it ({@code events[i].documents[j]}): by its SHA-256 (lower-case
 * hex), with the name, size in bytes and content type it was stored with. The bytes are not in the file; with the
 * documents beside it (each found by its hash) an export reproduces the evidence.
 */
public record DocumentRef(String sha256, String name, long size, String contentType) {
    public DocumentRef {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }
}
