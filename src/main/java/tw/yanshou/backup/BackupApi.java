package tw.yanshou.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Violation;
import tw.yanshou.infrastructure.EmbeddedDatabase;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;

/** Online backups of the embedded database into {@code yanshou.backup.dir}, one new directory each (administrators). */
@RestController
@RequestMapping("/api/admin/backups")
class BackupApi {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'yanshou-'yyyyMMdd'T'HHmmss'Z'");
    private final ObjectProvider<EmbeddedDatabase> database;
    private final Path directory;
    private final CurrentActor actor;
    private final AuditLog audit;

    BackupApi(ObjectProvider<EmbeddedDatabase> database, @Value("${yanshou.backup.dir:./data/backups}") String directory,
              CurrentActor actor, AuditLog audit) {
        this.database = database;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.actor = actor;
        this.audit = audit;
    }

    record Made(String directory, long files, long bytes, String consistentAt) { }

    @Operation(summary = "Back up the embedded database online into a new directory under yanshou.backup.dir")
    @PostMapping
    synchronized ResponseEntity<Made> backup() throws IOException {
        Actor who = actor.get();
        if (!who.is(Actor.ADMIN)) throw new AccessDeniedException("only administrators make backups");
        EmbeddedDatabase db = database.getIfAvailable();
        if (db == null)
            throw new ConflictException("the server runs on an external PostgreSQL: back it up with pg_dump or pg_basebackup",
                    List.of(Violation.conflict("database", "not the embedded database")));
        Path target = directory.resolve(NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        EmbeddedDatabase.Backup b = db.backupTo(target);
        audit.record(who.name(), "BACKUP_MADE", null, Map.of("directory", b.directory().toString(), "bytes", b.bytes(),
                "consistentAt", b.consistentAt()));
        return ResponseEntity.status(201).body(new Made(b.directory().toString(), b.files(), b.bytes(), b.consistentAt()));
    }
}
