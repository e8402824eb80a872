package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.UserAdministration;

/**
 * The CSV export of a search: a dated attachment, a header row, one RFC 4180 line per match in
 * the page's order, formulas neutralised, the viewer's team scope, and every row of the mirror
 * when nothing is filtered (the rows are streamed, not paged).
 */
class NumberExportTests extends PortalIntegrationTest {

	static final String HEADER = "Number,Name,Provider,Account,Region,Type,Team,Inventory state,Status,"
			+ "Enabled (effective),Override,SMS plan,10DLC campaign,Warmup state,Warmup health,Call warmup state,"
			+ "Pending change,Modified (UTC)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UserAdministration administration;

	Fleet fleet;

	long growth;

	long support;

	@BeforeEach
	void fleet() {
		fleet = new Fleet(jdbc);
		growth = fleet.team("Growth");
		support = fleet.team("Support");
		fleet.number(5550001, "Growth line 1", growth);
		fleet.number(5550002, "Plain, with \"quotes\"", growth);
		fleet.number(5550003, "=HYPERLINK(\"http://evil.example\",\"click\")", support);
		fleet.number(5550004, "@SUM(A1:A9)", support);
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	List<String> lines(MockHttpServletRequestBuilder request) throws Exception {
		byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\ufeff").endsWith("\r\n");
		return Arrays.asList(csv.substring(1).split("\r\n"));
	}

	@Test
	void aDatedAttachmentWithAHeaderAndOneQuotedNeutralisedLinePerMatch() throws Exception {
		String date = LocalDate.now(ZoneOffset.UTC).toString();
		mvc.perform(get("/numbers/export.csv").param("account", String.valueOf(fleet.account)).with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"numbers-" + date + ".csv\""));

		List<String> lines = lines(get("/numbers/export.csv").param("account", String.valueOf(fleet.account))
			.with(as("viewer")));
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo(HEADER);
		String account = "Web test account (web-" + fleet.tag + ")";
		assertThat(lines.get(1)).startsWith("+12065550001,Growth line 1,Sinch," + account + ",US,Local,Growth-" + fleet.tag
				+ ",Ready for SMS,Active,yes,,,,,,,no,");
		assertThat(lines.get(1)).matches(".*,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$");
		assertThat(lines.get(2)).startsWith("+12065550002,\"Plain, with \"\"quotes\"\"\",Sinch,");
		assertThat(lines.get(3)).startsWith("+12065550003,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",");
		assertThat(lines.get(4)).startsWith("+12065550004,'@SUM(A1:A9),");
	}

	@Test
	void theExportFollowsTheSearchAndTheSort() throws Exception {
		List<String> lines = lines(get("/numbers/export.csv").param("account", String.valueOf(fleet.account))
			.param("team", String.valueOf(growth)).param("sort", "name").param("after", "ignored").param("size", "1")
			.with(as("viewer")));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("+12065550001,Growth line 1,");
		assertThat(lines.get(2)).startsWith("+12065550002,");
	}

	@Test
	void overridesAndPendingChangesAreSpelledOut() throws Exception {
		long id = fleet.number(5550005, "Overridden", growth);
		jdbc.update("update phone_numbers set enabled = true, override_enabled = false, override_reason = 'fraud',"
				+ " override_updated_at = now(), warmup_state = 'Warming', warmup_health_score = 61,"
				+ " call_warmup_state = 'Warmed', sms_service_plan_id = 'sp-x', ten_dlc_campaign_id = 'C1' where id = ?", id);
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state)"
				+ " values (?, 'RENAME', array['name'], '{}', 'PENDING')", id);
		List<String> lines = lines(get("/numbers/export.csv").param("account", String.valueOf(fleet.account))
			.param("q", "Overridden").with(as("viewer")));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains(",Ready for SMS,Active,no,disabled,sp-x,C1,Warming,61,Warmed,yes,");
	}

	@Test
	void aUserLimitedToATeamExportsOnlyThatTeamsNumbers() throws Exception {
		List<String> lines = lines(get("/numbers/export.csv").param("account", String.valueOf(fleet.account))
			.with(user(fleet.viewerLimitedTo(administration, userDetails, support))));
		assertThat(lines).hasSize(3);
		assertThat(lines.subList(1, 3)).allMatch(line -> line.contains(",Support-" + fleet.tag + ","));
	}

	@Test
	void anUnfilteredExportHoldsEveryNumberOfTheMirror() throws Exception {
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				select '+1404' || lpad(g::text, 7, '0'), ?, 'SINCH', 'export-' || g from generate_series(1, 2500) g""",
				fleet.account);
		// far more than a page (200 at most): the export streams every row
		List<String> lines = lines(get("/numbers/export.csv").with(as("admin")));
		Integer inMirror = jdbc.queryForObject("select count(*) from phone_numbers", Integer.class);
		assertThat(lines).hasSize(inMirror + 1);
		assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
			.isSortedAccordingTo(String::compareTo);
	}

	@Test
	void anUnreadableSearchIsRefusedInWordsNotWithAnEmptyFile() throws Exception {
		String body = mvc.perform(get("/numbers/export.csv").param("status", "Teleported").with(as("viewer")))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Content-Disposition"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Nothing exported", "Unknown status");
	}

	@Test
	void aFewExportsRunAtOnceAndTheNextIsAskedToWait(@Autowired NumberExportController exports) throws Exception {
		exports.running.acquire(NumberExportController.CONCURRENT_EXPORTS);
		try {
			mvc.perform(get("/numbers/export.csv").with(as("viewer")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isTooManyRequests())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Retry-After", "30"));
		}
		finally {
			exports.running.release(NumberExportController.CONCURRENT_EXPORTS);
		}
		mvc.perform(get("/numbers/export.csv").with(as("viewer")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
	}
}
