package com.numberops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What {@link ModularityTests} cannot see: Spring Modulith reads Java types, not SQL. Each table
 * has one owning module, and only that module's classes write it; other modules change a number
 * through {@code numbers.PhoneNumbers}' verbs. The outbox is private to the changes module even
 * for reads (others see the {@code open_changes} view and the {@code ChangesOfNumber} port).
 */
class TablesHaveOneOwnerTests {

	private static final Path SOURCES = Path.of("src/main/java/com/numberops/portal");

	/** Table → the module (top-level package) that owns it. */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("phone_numbers", "numbers"),
			Map.entry("number_events", "numbers"), Map.entry("pending_changes", "changes"),
			Map.entry("change_batches", "changes"), Map.entry("override_requests", "overrides"),
			Map.entry("sync_runs", "sync"), Map.entry("sync_seen", "sync"), Map.entry("webhook_events", "sync"),
			Map.entry("users", "users"), Map.entry("teams", "users"), Map.entry("login_attempts", "users"),
			Map.entry("api_tokens", "users"),
			// Spring Session JDBC writes them itself (V24); users holds the session configuration
			Map.entry("spring_session", "users"), Map.entry("spring_session_attributes", "users"),
			Map.entry("provider_accounts", "providers"), Map.entry("fleet_counts", "numbers"),
			Map.entry("fleet_count_deltas", "numbers"), Map.entry("ten_dlc_counts", "numbers"),
			Map.entry("ten_dlc_count_deltas", "numbers"), Map.entry("fleet_flows", "numbers"),
			Map.entry("fleet_flow_deltas", "numbers"),
			Map.entry("provisioning_failures", "numbers"), Map.entry("provisioning_failure_deltas", "numbers"),
			Map.entry("fleet_days", "dashboard"), Map.entry("change_days", "changes"), Map.entry("change_day_deltas", "changes"),
			Map.entry("warmup_signal_reports", "warmup"),
			Map.entry("idempotency_keys", "api"), Map.entry("alert_rules", "alerts"), Map.entry("alert_channels", "alerts"),
			Map.entry("alerts", "alerts"), Map.entry("alert_deliveries", "alerts"),
			Map.entry("alert_delivery_attempts", "alerts"), Map.entry("alert_reads", "alerts"));

	private static final Pattern WRITE = Pattern.compile(
			"\\b(?:update|insert\\s+into|delete\\s+from|truncate(?:\\s+table)?)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern OUTBOX_READ = Pattern.compile("\\b(pending_changes|change_batches)\\b");

	@Test
	void onlyATablesOwnerWritesIt() throws IOException {
		List<String> strangers = new ArrayList<>();
		for (Path file : sources()) {
			String module = module(file);
			Matcher write = WRITE.matcher(Files.readString(file));
			while (write.find()) {
				String owner = OWNERS.get(write.group(1).toLowerCase(java.util.Locale.ROOT));
				if (owner != null && !owner.equals(module)) {
					strangers.add(SOURCES.relativize(file) + " writes " + write.group(1) + " (owned by " + owner + ")");
				}
			}
		}
		assertThat(strangers).as("writes by a module that does not own the table").isEmpty();
	}

	@Test
	void onlyTheChangesModuleReadsTheOutbox() throws IOException {
		List<String> strangers = new ArrayList<>();
		for (Path file : sources()) {
			if (module(file).equals("changes")) {
				continue;
			}
			Matcher read = OUTBOX_READ.matcher(Files.readString(file));
			while (read.find()) {
				strangers.add(SOURCES.relativize(file) + " reads " + read.group(1));
			}
		}
		assertThat(strangers).as("the outbox read outside the changes module").isEmpty();
	}

	@Test
	void theCheckSeesTheSqlItLooksFor() {
		assertThat(WRITE.matcher("jdbc.update(\"\"\"\n\t\tupdate phone_numbers set name = :name").find()).isTrue();
		assertThat(WRITE.matcher("insert into number_events (phone_number_id)").find()).isTrue();
		assertThat(WRITE.matcher("\"Delete From sync_seen where\"").find()).isTrue();
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<Path> found = files.filter(file -> file.toString().endsWith(".java")).toList();
			assertThat(found).hasSizeGreaterThan(50);
			return found;
		}
	}

	private static String module(Path file) {
		return SOURCES.relativize(file).getName(0).toString();
	}
}
