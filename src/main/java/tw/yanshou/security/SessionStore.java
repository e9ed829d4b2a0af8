package tw.yanshou.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC): a session's attributes are written with {@code INSERT … ON CONFLICT DO
 * UPDATE}, so that two requests of one session at once (a page and its images, two tabs right after signing in, when
 * each makes the session's new CSRF token) do not both insert the same attribute and fail one with a duplicate key
 * (a 500). Spring Session ships this customizer for PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
