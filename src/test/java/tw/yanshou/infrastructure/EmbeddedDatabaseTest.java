package tw.yanshou.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is locked down: passwords for everyone, a private socket, the application no superuser;
 * a postmaster left over from a crash is stopped when idle and refused, naming its pid, when in use.
 */
class EmbeddedDatabaseTest {
    Path dir;
    EmbeddedDatabase db;

    @BeforeEach
    void dataDirectory() throws IOException {
        dir = Files.createTempDirectory("yanshou-embedded").resolve("data");
    }

    @AfterEach
    void stop() throws IOException {
        if (db != null) db.close();
    }

    private Connection app() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private Properties credentials() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(EmbeddedDatabase.CREDENTIALS))) { p.load(in); }
        return p;
    }

    @Test
    void passwordsAreGeneratedAndKeptPrivatelyInTheDataDirectory() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        Path file = dir.resolve(EmbeddedDatabase.CREDENTIALS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(credentials().getProperty("superuser.password")).hasSize(48).isNotEqualTo(credentials().getProperty("app.password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.socketDirectory()))).isEqualTo("rwx------");
        assertThat(db.socketDirectory().getParent()).isEqualTo(dir.getParent());
    }

    @Test
    void theApplicationIsNoSuperuserAndCannotRunPrograms() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        try (Connection c = app(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("yanshou");
                assertThat(rs.getBoolean(2)).isFalse();
            }
            s.execute("create table mine (x int)");   // it owns its schema
            assertThatThrownBy(() -> s.execute("copy (select 1) to program 'id'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("select pg_read_file('postgresql.conf')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void nobodyConnectsWithoutThePassword() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        String url = "jdbc:postgresql://localhost:" + db.port() + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "yanshou", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    /** The attack of issue 11: another OS user on the machine connects as the superuser (psql, as user nobody). */
    @Test
    void anotherOsUserCannotConnectAsTheSuperuser() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && "root".equals(System.getProperty("user.name")), "psql and runuser, as root");
        for (List<String> psql : List.of(
                List.of("psql", "-w", "-h", db.socketDirectory().toString(), "-p", String.valueOf(db.port()), "-U", "postgres", "-c", "select 1"),
                List.of("psql", "-w", "-h", "localhost", "-p", String.valueOf(db.port()), "-U", "postgres", "-c", "select 1"))) {
            List<String> command = new java.util.ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
            command.addAll(psql);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(out).isNotZero();
            assertThat(out).containsAnyOf("password", "Permission denied", "No such file");
        }
    }

    @Test
    void aRestartKeepsTheDataAndThePasswords() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        try (Connection c = app(); Statement s = c.createStatement()) {
            s.execute("create table kept (x int)");
            s.execute("insert into kept values (42)");
        }
        String password = credentials().getProperty("app.password");
        db.close();
        db = EmbeddedDatabase.start(dir, 0, false);
        assertThat(credentials().getProperty("app.password")).isEqualTo(password);
        try (Connection c = app(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select x from kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    /** A data directory of an earlier version (trust, data in the database postgres) is locked down on its start. */
    @Test
    void aDataDirectoryOfAnEarlierVersionIsLockedDownWithItsData() throws Exception {
        try (var old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table contract_event (id int primary key, body text)");
            s.execute("insert into contract_event values (1, 'tendered')");
            s.execute("create function yanshou_append_only() returns trigger language plpgsql as $$ begin return null; end $$");
        }
        db = EmbeddedDatabase.start(dir, 0, false);
        try (Connection c = app(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select body from contract_event where id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("tendered");
            }
            s.execute("insert into contract_event values (2, 'accepted')");   // the application owns its tables now
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/postgres", "postgres", null).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aPortInUseIsRefusedInOneLine() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, taken.getLocalPort(), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort()).hasMessageContaining("YANSHOU_EMBEDDED_POSTGRES_PORT");
        }
    }

    /** A postmaster left running in the data directory (as after a crash of the server): idle, it is stopped. */
    @Test
    void anIdleLeftoverIsStoppedAndABusyOneRefusedNamingItsPid() throws Exception {
        db = EmbeddedDatabase.start(dir, 0, false);
        String postgresBinary = db.postmaster().orElseThrow().info().command().orElseThrow();
        int port = db.port();
        db.close();
        db = null;

        long leftover = startLeftover(postgresBinary, port);
        db = EmbeddedDatabase.start(dir, 0, false);
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (Connection c = app()) { assertThat(c.isValid(5)).isTrue(); }
        db.close();
        db = null;

        long busy = startLeftover(postgresBinary, port);
        try (Connection client = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/yanshou", "yanshou",
                credentials().getProperty("app.password"))) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still running as pid " + busy).hasMessageContaining("1 client connection");
        } finally {
            ProcessHandle.of(busy).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(busy).ifPresent(p -> p.onExit().join());
        }
    }

    /** Starts a postmaster on the data directory outside any EmbeddedDatabase, as a crashed server leaves one. */
    private long startLeftover(String postgresBinary, int port) throws Exception {
        Path pgCtl = Path.of(postgresBinary).resolveSibling("pg_ctl");
        List<String> command = new java.util.ArrayList<>();
        // PostgreSQL refuses to run as root; as the library does, run it in a user namespace then
        if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(pgCtl.toString(), "-D", dir.toString(), "-w", "-l", dir.resolveSibling("leftover.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=" + dir.resolveSibling("data.run"),
                "start"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
    }
}
