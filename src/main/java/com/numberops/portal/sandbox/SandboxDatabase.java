package com.numberops.portal.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The sandbox's own connection pool, on its own schema (the real carriers are not in the portal's
 * database either). Created with the application: migrates the schema (db/sandbox) and seeds it
 * once; a restart keeps what was done to the simulated carriers.
 */
public class SandboxDatabase implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SandboxDatabase.class);

	private final HikariDataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SandboxProperties properties;

	SandboxDatabase(DataSourceProperties portalDatabase, SandboxProperties properties) {
		this.properties = properties;
		this.dataSource = portalDatabase.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		dataSource.setPoolName("sandbox");
		dataSource.setMaximumPoolSize(6);
		dataSource.setMinimumIdle(1);
		// the schema name is checked to be a plain identifier by SandboxProperties
		dataSource.setConnectionInitSql("set search_path to " + properties.schema() + ", public");
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	void migrateAndSeed() {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(properties.schema())
			.createSchemas(true)
			.locations("classpath:db/sandbox")
			.load()
			.migrate();
		seedOnce();
	}

	private void seedOnce() {
		Boolean seededNow = transactions.execute(status -> {
			// one seeder at a time, even with two portal instances on one database
			jdbc.sql("lock table sandbox_meta in exclusive mode").update();
			boolean seeded = jdbc.sql("select count(*) from sandbox_meta where key = 'seeded'").query(Long.class).single() > 0;
			if (seeded) {
				return false;
			}
			Instant start = Instant.now();
			MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("seed", properties.seed())
				.addValue("size", properties.size())
				.addValue("project", com.numberops.portal.providers.ProvidersProperties.SANDBOX_SINCH_PROJECT);
			NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
			for (String statement : seedStatements()) {
				named.update(statement, parameters);
			}
			jdbc.sql("insert into sandbox_meta (key, value) values ('seeded', ?)")
				.param("seed=" + properties.seed() + " size=" + properties.size() + " at=" + Instant.now())
				.update();
			log.info("Seeded the sandbox with {} numbers (seed {}) in {} ms", properties.size(), properties.seed(),
					Duration.between(start, Instant.now()).toMillis());
			return true;
		});
		if (Boolean.TRUE.equals(seededNow)) {
			// statistics and a visibility map now, not when autovacuum comes by: a carrier's listing
			// skips its offset in the key index alone only over pages marked all-visible
			for (String table : List.of("sinch_numbers", "flowroute_numbers")) {
				jdbc.sql("vacuum (analyze) " + table).update();
			}
		}
	}

	private static String[] seedStatements() {
		try (var in = new ClassPathResource("sandbox/seed.sql").getInputStream()) {
			String script = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
			// statements end with ";" at the end of a line; comments are whole lines
			String withoutComments = script.lines()
				.filter(line -> !line.strip().startsWith("--"))
				.reduce("", (a, b) -> a + b + "\n");
			return java.util.Arrays.stream(withoutComments.split(";\\s*\n"))
				.map(String::strip)
				.filter(statement -> !statement.isEmpty())
				.toArray(String[]::new);
		}
		catch (java.io.IOException failure) {
			throw new java.io.UncheckedIOException(failure);
		}
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	public TransactionTemplate transactions() {
		return transactions;
	}

	public DataSource dataSource() {
		return dataSource;
	}

	public String schema() {
		return properties.schema();
	}

	@Override
	public void destroy() {
		dataSource.close();
	}
}
