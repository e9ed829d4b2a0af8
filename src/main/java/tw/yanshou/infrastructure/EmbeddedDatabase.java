package tw.yanshou.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL, locked down: every connection needs a password (scram-sha-256, on TCP and on the socket),
 * the socket lives in a private directory (mode 0700), the server listens on localhost only, and the application
 * connects as the role {@value #APP_ROLE}, which owns its database and schema but is no superuser (so it cannot
 * run programs with {@code COPY … TO PROGRAM}, read files, or drop what it does not own). The passwords are generated
 * on the first start and kept in {@value #CREDENTIALS} inside the data directory, readable by its owner only; the
 * superuser's is for maintenance and backups, never for the application.
 *
 * <p>A data directory made by an earlier version (no credentials file, trust authentication, data in the database
 * {@code postgres}) is locked down on its first start: passwords are set, the database becomes
 * {@value #APP_DATABASE} owned by {@value #APP_ROLE}.
 *
 * <p>A postmaster left over from a crash (its {@code postmaster.pid} names a live process) is stopped if it is idle,
 * or refused with one line naming its pid.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String CREDENTIALS = "yanshou-credentials.properties";
    static final String APP_ROLE = "yanshou";
    static final String APP_DATABASE = "yanshou";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path socketDir;
    private final Credentials credentials;
    private final long postmasterPid;

    /** The passwords of the superuser and of the application's role, as kept in the data directory. */
    record Credentials(String superuserPassword, String appPassword, String database) {
        static Credentials generate() {
            return new Credentials(secret(), secret(), APP_DATABASE);
        }

        static Optional<Credentials> read(Path dataDir) {
            Path file = dataDir.resolve(CREDENTIALS);
            if (!Files.exists(file)) return Optional.empty();
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return Optional.of(new Credentials(p.getProperty("superuser.password"), p.getProperty("app.password"),
                    p.getProperty("app.database", APP_DATABASE)));
        }

        void write(Path dataDir) {
            Path file = dataDir.resolve(CREDENTIALS);
            String text = "# Yanshou's embedded PostgreSQL: generated passwords (keep this file private)\n"
                    + "superuser.name=" + SUPERUSER + "\nsuperuser.password=" + superuserPassword + "\n"
                    + "app.role=" + APP_ROLE + "\napp.password=" + appPassword + "\napp.database=" + database + "\n";
            writePrivate(file, text);
        }

        private static String secret() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, Path socketDir, Credentials credentials) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.credentials = credentials;
        this.postmasterPid = readPostmasterPid(dataDir).orElseThrow(() ->
                new IllegalStateException("the embedded PostgreSQL in " + dataDir + " started but wrote no postmaster.pid"));
    }

    /**
     * Starts (initialising it on the first start) the database in {@code dataDir} on {@code port} (0: any free port).
     *
     * @param clean start empty, and delete the data when closed (tests)
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path socketDir = dir.resolveSibling(dir.getFileName() + ".run");
        try {
            Files.createDirectories(dir);
            createPrivateDirectory(socketDir);
            if (!clean) stopLeftover(dir);
            if (port != 0) requireFreePort(port);
            boolean initialised = !clean && Files.exists(dir.resolve("postgresql.conf"));
            Optional<Credentials> stored = initialised ? Credentials.read(dir) : Optional.empty();
            boolean legacy = initialised && stored.isEmpty();
            Credentials credentials = stored.orElseGet(Credentials::generate);
            Path passwordFile = Files.createTempFile("yanshou-pg", ".pw");
            writePrivate(passwordFile, credentials.superuserPassword() + "\n");
            EmbeddedPostgres postgres;
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(clean)
                        .setRegisterShutdownHook(false)
                        .setPort(port)
                        // initdb: the superuser has a password from the first moment
                        .setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString())
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("unix_socket_directories", socketDir.toString())
                        .setServerConfig("unix_socket_permissions", "0700")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setServerConfig("timezone", "UTC")
                        // an online backup copies the WAL written while it ran: keep enough of it around
                        .setServerConfig("wal_keep_size", "256MB")
                        .setDataDirectoryCustomizer(d -> {
                            // right after initdb and before every start: the passwords are known before anything runs
                            if (!legacy) {
                                credentials.write(d.toPath());
                                writePrivate(d.toPath().resolve("pg_hba.conf"), PG_HBA);
                            }
                        });
                if (!legacy) builder.setConnectConfig("password", credentials.superuserPassword());
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(postgres, dir, socketDir, credentials);
            if (legacy) db.lockDownLegacy();
            db.ensureAppRole();
            log.info("Embedded PostgreSQL started (pid {}) on localhost:{}, socket in {}, data in {}; the application "
                    + "connects as {}", db.postmasterPid, postgres.getPort(), socketDir, dir, APP_ROLE);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static final String PG_HBA = """
            # Yanshou's embedded PostgreSQL: every connection needs a password, on the socket (in a private
            # directory) and on localhost; nothing else is accepted.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /** The application's connection: its own role and database, with the password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + credentials.database();
    }

    public String username() { return APP_ROLE; }

    public String password() { return credentials.appPassword(); }

    public int port() { return postgres.getPort(); }

    public long postmasterPid() { return postmasterPid; }

    public Path dataDirectory() { return dataDir; }

    public Path socketDirectory() { return socketDir; }

    /** The postmaster as a process of this machine, to watch. */
    public Optional<ProcessHandle> postmaster() { return ProcessHandle.of(postmasterPid); }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** What a backup holds: where, how many files and bytes, and the WAL position it is consistent at. */
    public record Backup(Path directory, long files, long bytes, String consistentAt) { }

    private static final java.util.Set<String> NOT_BACKED_UP = java.util.Set.of("postmaster.pid", "postmaster.opts",
            "pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans",
            "epg-lock");

    /**
     * An online backup of the running database into {@code target} (which must not exist yet), by PostgreSQL's own
     * low-level API: {@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}, the
     * {@code backup_label} it returns and the WAL written meanwhile. The copy is a data directory: started as one
     * (with its credentials, which it carries), PostgreSQL replays the WAL to the end of the backup and opens it.
     */
    public Backup backupTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        if (Files.exists(dir)) throw new IllegalArgumentException(dir + " exists already: a backup goes into a new directory");
        Files.createDirectories(dir);
        if (isPosix(dir)) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        long[] counts = new long[2];
        try (Connection c = superuser(SUPERUSER).getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('yanshou', true)");
            copyTree(dataDir, dir, counts, true);
            String label;
            String spcmap;
            String lsn;
            try (ResultSet rs = s.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                rs.next();
                lsn = rs.getString(1);
                label = rs.getString(2);
                spcmap = rs.getString(3);
            }
            Files.writeString(dir.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (spcmap != null && !spcmap.isBlank()) Files.writeString(dir.resolve("tablespace_map"), spcmap, StandardCharsets.UTF_8);
            // the WAL from the backup's start to its end: written after pg_backup_stop, so it is all there
            Files.createDirectories(dir.resolve("pg_wal"));
            copyTree(dataDir.resolve("pg_wal"), dir.resolve("pg_wal"), counts, false);
            for (String empty : List.of("pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp",
                    "pg_subtrans")) Files.createDirectories(dir.resolve(empty));
            log.info("backup of the embedded PostgreSQL in {}: {} files, {} bytes, consistent at {}", dir, counts[0], counts[1], lsn);
            return new Backup(dir, counts[0], counts[1], lsn);
        } catch (SQLException e) {
            throw new IllegalStateException("the backup of the embedded PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to, long[] counts, boolean top) throws IOException {
        try (var entries = Files.list(from)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (top && NOT_BACKED_UP.contains(name)) continue;
                if (name.startsWith("pgsql_tmp")) continue;
                Path dest = to.resolve(name);
                try {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(dest);
                        copyTree(p, dest, counts, false);
                    } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                        counts[0]++;
                        counts[1] += Files.size(dest);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed while copying (a temporary file, a recycled segment): the WAL replay does not need it
                }
            }
        }
    }

    /** A connection as the superuser: for setting up and maintenance only. */
    private DataSource superuser(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {postgres.getPort()});
        ds.setDatabaseName(database);
        ds.setUser(SUPERUSER);
        ds.setPassword(credentials.superuserPassword());
        return ds;
    }

    /** The application's role exists, with its password, owning its database (idempotent). */
    private void ensureAppRole() {
        try (Connection c = superuser(SUPERUSER).getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, APP_ROLE);
                try (ResultSet rs = q.executeQuery()) { exists = rs.next(); }
            }
            String password = "'" + credentials.appPassword() + "'";   // hex digits only: nothing to escape
            s.execute((exists ? "alter role " : "create role ") + APP_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password " + password);
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, credentials.database());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) s.execute("create database " + credentials.database() + " owner " + APP_ROLE);
                }
            }
            s.execute("revoke connect on database " + SUPERUSER + " from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the role " + APP_ROLE + " in the embedded PostgreSQL", e);
        }
        try (Connection c = superuser(credentials.database()).getConnection(); Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + APP_ROLE);
            s.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the schema to " + APP_ROLE, e);
        }
    }

    /**
     * A data directory of an earlier version: trust authentication and the data in the database {@code postgres}.
     * Set the passwords, move the data to the application's own database and role, then require passwords.
     */
    private void lockDownLegacy() throws IOException {
        log.warn("the embedded PostgreSQL in {} trusted every local connection (made by an earlier version): setting "
                + "passwords, moving the data to the database {} owned by {}", dataDir, APP_DATABASE, APP_ROLE);
        DataSource trusted = postgres.getDatabase(SUPERUSER, "template1");
        try (Connection c = trusted.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password '" + credentials.superuserPassword() + "'");
            s.execute("create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole password '"
                    + credentials.appPassword() + "'");
            boolean hasData;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + APP_DATABASE + "'")) {
                hasData = !rs.next();
            }
            if (hasData) {
                s.execute("alter database " + SUPERUSER + " rename to " + APP_DATABASE);
                s.execute("create database " + SUPERUSER);
            }
            s.execute("alter database " + APP_DATABASE + " owner to " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock down the embedded PostgreSQL in " + dataDir, e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, APP_DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    do $$ declare r record; begin
                      for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') loop
                        execute format('alter %s public.%I owner to yanshou',
                            case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                           when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end, r.relname);
                      end loop;
                      for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' loop
                        execute format('alter routine %s owner to yanshou', r.sig);
                      end loop;
                      for r in select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                               where n.nspname = 'public' and t.typtype in ('e', 'd', 'c') and t.typrelid = 0 loop
                        execute format('alter type public.%I owner to yanshou', r.typname);
                      end loop;
                    end $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the data to " + APP_ROLE, e);
        }
        credentials.write(dataDir);
        writePrivate(dataDir.resolve("pg_hba.conf"), PG_HBA);
        try (Connection c = superuser(SUPERUSER).getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reload the configuration of the embedded PostgreSQL", e);
        }
    }

    /**
     * A postmaster left running in this data directory (a crash of the server that started it): stopped if nobody
     * uses it, else refused — another server may be running on the same data.
     */
    private static void stopLeftover(Path dir) throws IOException {
        Optional<Long> pid = readPostmasterPid(dir);
        if (pid.isEmpty()) return;
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (process.isEmpty()) return;   // a stale pid file: PostgreSQL removes it itself
        int clients = clients(dir).orElse(-1);
        if (clients != 0)
            throw new IllegalStateException("the embedded PostgreSQL in " + dir + " is still running as pid " + pid.get()
                    + (clients > 0 ? " with " + clients + " client connection(s)" : "")
                    + " (another Yanshou server?): stop it, or set yanshou.embedded-postgres.data-dir to another directory");
        log.warn("a PostgreSQL left over in {} (pid {}, idle) is stopped before starting again", dir, pid.get());
        process.get().destroy();   // SIGTERM: a smart shutdown, nobody is connected
        try {
            process.get().onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL left over in " + dir + " (pid " + pid.get()
                    + ") did not stop within " + LEFTOVER_STOP_WAIT.toSeconds() + " s: stop it by hand", e);
        }
    }

    /** The client connections of a running postmaster of this directory, asked as the superuser; empty if unknown. */
    private static Optional<Integer> clients(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
        Optional<Credentials> credentials = Credentials.read(dir);
        if (lines.size() < 4 || credentials.isEmpty()) return Optional.empty();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {Integer.parseInt(lines.get(3).strip())});
        ds.setDatabaseName(SUPERUSER);
        ds.setUser(SUPERUSER);
        ds.setPassword(credentials.get().superuserPassword());
        ds.setConnectTimeout(5);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend' "
                     + "and pid <> pg_backend_pid()")) {
            rs.next();
            return Optional.of(rs.getInt(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readPostmasterPid(Path dir) {
        Path file = dir.resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) return Optional.empty();
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on localhost is in use, so the embedded PostgreSQL cannot "
                    + "listen there: set yanshou.embedded-postgres.port (YANSHOU_EMBEDDED_POSTGRES_PORT) to a free port");
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (isPosix(dir)) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    static void writePrivate(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (isPosix(file)) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
