package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.numberops.portal.numbers.NumberFacets;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.UserAdministration;

/**
 * The Numbers page over the real filter chain: one URL answering with the page or, for htmx,
 * only the results with the canonical URL to push; paging links; empty states; and bad input of
 * every kind answered with a message and a 200, never a 500.
 */
class NumbersPageTests extends PortalIntegrationTest {

	private static final Pattern ROW = Pattern.compile("<tr class=\"number-row\" id=\"number-(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UserAdministration administration;

	@Autowired
	NumberFacets facets;

	Fleet fleet;

	long growth;

	@BeforeEach
	void fleet() {
		fleet = new Fleet(jdbc);
		growth = fleet.team("Growth");
		for (int i = 1; i <= 12; i++) {
			fleet.number(5550000 + i, "Growth line " + i, growth);
		}
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder numbers(String... params) {
		MockHttpServletRequestBuilder request = get("/numbers");
		if (!List.of(params).contains("account")) {
			request.param("account", String.valueOf(fleet.account));
		}
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.with(as("viewer"));
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static List<Long> rowIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher rows = ROW.matcher(html);
		while (rows.find()) {
			ids.add(Long.parseLong(rows.group(1)));
		}
		return ids;
	}

	@Test
	void aPlainRequestGetsTheWholePageWithTheFormTheResultsAndAnExportOfTheSameSearch() throws Exception {
		String page = body(numbers("q", "Growth", "sort", "name"));
		assertThat(page).contains("<html", "id=\"main-nav\"", "id=\"number-search\"", "id=\"number-results\"",
				"hx-push-url=\"true\"", "hx-get=\"/numbers\"", "hx-target=\"#number-results\"");
		assertThat(rowIds(page)).hasSize(12);
		assertThat(page).contains("<strong id=\"match-count\">12 numbers</strong>");
		// the form shows what is searched; the export carries the same search and sort, no paging
		assertThat(page).contains("id=\"q\" name=\"q\"", "value=\"Growth\"");
		assertThat(page).contains("href=\"/numbers/export.csv?q=Growth&amp;account=" + fleet.account + "&amp;sort=name\"");
		// the team facet lists the team; every fixed value list is offered
		assertThat(page).contains(">Growth-" + fleet.tag + "</option>", "value=\"Ready for SMS\"",
				"value=\"FailedProvisioning\"", "value=\"Needs Attention\"", "value=\"Not Eligible\"",
				"value=\"OVERRIDDEN\"", "value=\"TOLL_FREE\"", "value=\"SINCH_IMPORTED\"");
		// plain links and a plain GET form: everything works without JavaScript too
		assertThat(page).contains("action=\"/numbers\"", "method=\"get\"");
	}

	@Test
	void anHtmxRequestGetsOnlyTheResultsAndTheCanonicalUrlToPush() throws Exception {
		mvc.perform(numbers("q", " Growth ", "region", "", "sort", "name", "ignored", "x")
			.header("HX-Request", "true")
			.header("HX-Target", "number-results"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Push-Url", "/numbers?q=Growth&account=" + fleet.account + "&sort=name"))
			.andExpect(header().stringValues("Vary", hasItem(containsString("HX-Request"))))
			.andExpect(result -> {
				String fragment = result.getResponse().getContentAsString();
				assertThat(fragment).startsWith("<section id=\"number-results\"").doesNotContain("<html", "main-nav",
						"number-search");
				assertThat(rowIds(fragment)).hasSize(12);
			});
	}

	/**
	 * A screen reader hears what a search or a page found from a status region that stays in the
	 * page (a live region swapped in whole is not announced, and the whole table read out at every
	 * page would drown it): the page holds it outside the results; each htmx answer fills it anew,
	 * out of band, and leaves the results section itself quiet.
	 */
	@Test
	void screenReadersHearWhatASearchFoundFromARegionThatStaysInThePage() throws Exception {
		String page = body(numbers("q", "Growth", "size", "5"));
		assertThat(page).contains("<p id=\"results-status\" class=\"visually-hidden\" role=\"status\">1&#8211;5 of 12 numbers, sorted by Number</p>");
		assertThat(page.indexOf("id=\"results-status\"")).isLessThan(page.indexOf("<section id=\"number-results\""));
		assertThat(sectionTag(page)).doesNotContain("aria-live");

		String answer = body(numbers("q", "Growth line 1", "size", "5", "sort", "name").header("HX-Request", "true"));
		assertThat(answer).startsWith("<section id=\"number-results\"");
		assertThat(sectionTag(answer)).doesNotContain("aria-live");
		assertThat(answer).containsPattern("<p id=\"results-status\" class=\"visually-hidden\" role=\"status\"\\s+"
				+ "hx-swap-oob=\"innerHTML\">1&#8211;4 of 4 numbers, sorted by Name</p>");
	}

	private static String sectionTag(String html) {
		int start = html.indexOf("<section id=\"number-results\"");
		return html.substring(start, html.indexOf('>', start) + 1);
	}

	@Test
	void aHistoryRestoreGetsTheWholePageEvenThoughHtmxAsks() throws Exception {
		String page = body(numbers("q", "Growth").header("HX-Request", "true").header("HX-History-Restore-Request", "true"));
		assertThat(page).contains("<html", "id=\"number-search\"");
	}

	@Test
	void nextAndFirstPageLinksWalkTheKeysetInOrder() throws Exception {
		String first = body(numbers("size", "5"));
		List<Long> firstIds = rowIds(first);
		assertThat(firstIds).hasSize(5);
		assertThat(first).doesNotContain("id=\"first-page\"");
		String next = link(first, "next-page");
		assertThat(next).startsWith("/numbers?account=" + fleet.account + "&size=5&after=");

		String second = body(get(next).with(as("viewer")).header("HX-Request", "true"));
		List<Long> secondIds = rowIds(second);
		assertThat(secondIds).hasSize(5).doesNotContainAnyElementsOf(firstIds);
		assertThat(link(second, "first-page")).isEqualTo("/numbers?account=" + fleet.account + "&size=5");

		String third = body(get(link(second, "next-page")).with(as("viewer")));
		assertThat(rowIds(third)).hasSize(2).doesNotContainAnyElementsOf(secondIds);
		assertThat(third).doesNotContain("id=\"next-page\"").contains("id=\"first-page\"");
		// every page counts every match
		assertThat(third).contains("12 numbers");
	}

	@Test
	void previousPageLinksWalkBackAndEachPageSaysWhichRowsItShows() throws Exception {
		String first = body(numbers("size", "5"));
		assertThat(first).contains("1&#8211;5 of").doesNotContain("id=\"previous-page\"");
		String second = body(get(link(first, "next-page")).with(as("viewer")));
		assertThat(second).contains("6&#8211;10 of");
		String third = body(get(link(second, "next-page")).with(as("viewer")));
		assertThat(third).contains("11&#8211;12 of", "12 numbers");

		String backToSecond = body(get(link(third, "previous-page")).with(as("viewer")).header("HX-Request", "true"));
		assertThat(rowIds(backToSecond)).isEqualTo(rowIds(second));
		assertThat(backToSecond).contains("6&#8211;10 of");
		String backToFirst = body(get(link(backToSecond, "previous-page")).with(as("viewer")));
		assertThat(rowIds(backToFirst)).isEqualTo(rowIds(first));
		assertThat(backToFirst).contains("1&#8211;5 of").doesNotContain("id=\"previous-page\"");
		assertThat(link(backToFirst, "next-page")).contains("from=6");
	}

	@Test
	void aPageSizeFromALinkIsTheOneThePerPageSelectShows() throws Exception {
		String sizes = sizeSelect(body(numbers("size", "37")));
		assertThat(sizes).containsPattern("<option value=\"37\"\\s+selected=\"selected\">37</option>")
			.contains("<option value=\"100\">100</option>");
		assertThat(sizeSelect(body(numbers("size", "100")))).doesNotContain("37");
	}

	/** The Per page select of a whole page. */
	private static String sizeSelect(String page) {
		String from = page.substring(page.indexOf("id=\"size\""));
		return from.substring(0, from.indexOf("</select>"));
	}

	@Test
	void thePortalsOwnTextOnTheWholePageIsOneByteACharacter() throws Exception {
		// a single character beyond Latin-1 turns Thymeleaf's buffer to UTF-16 for the rest of the page
		String page = body(numbers("size", "5"));
		assertThat(page).contains("&#9742;", "1&#8211;5 of").doesNotContain("☎", "–");
	}

	@Test
	void columnHeadersSortTheSameSearchFromItsFirstPage() throws Exception {
		String first = body(numbers("size", "5"));
		Matcher byName = Pattern.compile("<a\\s+class=\"sort-link\"\\s+href=\"([^\"]+)\"\\s+data-sort=\"name\"").matcher(first);
		assertThat(byName.find()).as("the Name header links to its sort").isTrue();
		String nameSorted = HtmlUtils.htmlUnescape(byName.group(1));
		assertThat(nameSorted).isEqualTo("/numbers?account=" + fleet.account + "&sort=name&size=5");
		assertThat(first).containsPattern("aria-sort=\"ascending\"><a\\s+class=\"sort-link\"[^>]*data-sort=\"number\"");

		String second = body(get(link(first, "next-page")).with(as("viewer")));
		Matcher fromSecond = Pattern.compile("href=\"([^\"]+)\"\\s+data-sort=\"modified\"").matcher(second);
		assertThat(fromSecond.find()).isTrue();
		assertThat(HtmlUtils.htmlUnescape(fromSecond.group(1))).as("from the first page again")
			.doesNotContain("after=").doesNotContain("from=").contains("sort=modified");
		String sorted = body(get(nameSorted).with(as("viewer")));
		assertThat(sorted).containsPattern("aria-sort=\"ascending\"><a\\s+class=\"sort-link\"[^>]*data-sort=\"name\"");
	}

	private static String link(String html, String id) {
		Matcher link = Pattern.compile("id=\"" + id + "\"[^>]*?href=\"([^\"]+)\"").matcher(html);
		assertThat(link.find()).as("link " + id).isTrue();
		return HtmlUtils.htmlUnescape(link.group(1));
	}

	@Test
	void filtersAndSortCombine() throws Exception {
		long other = fleet.team("Support");
		long support = fleet.number(5559001, "Support desk", other);
		String page = body(numbers("team", String.valueOf(other), "capability", "SMS"));
		assertThat(rowIds(page)).containsExactly(support);
		assertThat(page).contains("1 number<");
	}

	@Test
	void aWorklistLinkListsExactlyItsNumbersAndShowsItsFilterAsACheckedBox() throws Exception {
		long failing = fleet.number(5559100, "Campaign full", growth);
		jdbc.update("""
				update phone_numbers set sms_provisioning_status = 'FAILED', sms_provisioning_error_codes = '{EXCEEDED_10DLC_LIMIT}'
				where id = ?""", failing);
		String page = body(numbers("provisioningError", "EXCEEDED_10DLC_LIMIT"));
		assertThat(rowIds(page)).containsExactly(failing);
		assertThat(page).contains("id=\"provisioningError\" name=\"provisioningError\"", "value=\"EXCEEDED_10DLC_LIMIT\" checked",
				"Failed with EXCEEDED_10DLC_LIMIT");
		// a filter nobody set is not on the form
		assertThat(page).doesNotContain("id=\"drift\"", "id=\"vanished\"", "id=\"releaseWithin\"");
	}

	@Test
	void noMatchSaysSoAndOffersToClearTheFilters() throws Exception {
		String page = body(numbers("q", "nothing like this"));
		assertThat(page).contains("id=\"no-match\"", "No number matches this search.", "href=\"/numbers\"");
		assertThat(rowIds(page)).isEmpty();
	}

	@Test
	void aUserWhoseTeamsHaveNoNumbersIsToldThatASyncFillsTheMirror() throws Exception {
		long empty = fleet.team("Empty");
		String page = mvc.perform(get("/numbers").with(user(fleet.viewerLimitedTo(administration, userDetails, empty))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"no-numbers\"", "No numbers of your teams are in the mirror yet.",
				"href=\"/sync\"");
		// the team filter offers only the user's own team
		assertThat(page).contains(">Empty-" + fleet.tag + "<").doesNotContain(">Growth-" + fleet.tag + "<");
	}

	@Test
	void aLimitedUserSeesAndCountsOnlyTheirTeamsNumbers() throws Exception {
		long support = fleet.team("Support");
		long desk = fleet.number(5559002, "Support desk", support);
		String page = mvc.perform(get("/numbers").param("account", String.valueOf(fleet.account))
			.with(user(fleet.viewerLimitedTo(administration, userDetails, support))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(rowIds(page)).containsExactly(desk);
		assertThat(page).contains("1 number<");
	}

	@Test
	void moreThanTenThousandMatchesAreCountedAsTenThousandPlus() throws Exception {
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				select '+1303' || lpad(g::text, 7, '0'), ?, 'SINCH', 'bulk-' || g from generate_series(1, 10001) g""",
				fleet.account);
		try {
			String page = body(numbers("q", "+1303"));
			assertThat(page).contains("<strong id=\"match-count\">10,000+ numbers</strong>");
			assertThat(rowIds(page)).hasSize(50);
		}
		finally {
			jdbc.update("delete from phone_numbers where provider_account_id = ? and provider_phone_number_id like 'bulk-%'",
					fleet.account);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
			"status|Teleported|Unknown status",
			"state|ready|Unknown inventory state",
			"provider|TWILIO|Unknown provider",
			"type|PREMIUM|Unknown type",
			"team|growth|Unknown team",
			"account|-1|Unknown account",
			"region|usa|Unknown region",
			"warmup|Hot|Unknown warmup",
			"enablement|MAYBE|Unknown enablement",
			"sort|random|Unknown sort",
			"size|100000|Page size must be between",
			"after|not-a-cursor|That page link is not valid",
			"after|bm9wZQ|That page link is not valid",
			"q|12|Type at least 3 digits" })
	void badInputIsExplainedOnTheSamePageNeverA500(String param, String value, String message) throws Exception {
		for (boolean htmx : new boolean[] { false, true }) {
			MockHttpServletRequestBuilder request = numbers(param, value);
			if (htmx) {
				request.header("HX-Request", "true");
			}
			String page = body(request);
			assertThat(page).contains("id=\"number-problems\"", HtmlUtils.htmlEscape(message));
			assertThat(rowIds(page)).isEmpty();
			assertThat(page).doesNotContain("id=\"export-csv\"");
		}
	}

	@Test
	void overlongAndHostileSearchesAreTextNeverMarkup() throws Exception {
		String overlong = body(numbers("q", "x".repeat(5000)));
		assertThat(overlong).contains("id=\"number-problems\"", "too long");

		String hostile = "<script>alert(1)</script>";
		String page = body(numbers("q", hostile));
		assertThat(page).doesNotContain(hostile).contains(HtmlUtils.htmlEscape(hostile));
		assertThat(page).contains("id=\"no-match\"");

		for (String text : List.of("'; drop table phone_numbers; --", "%_%", "\\", "\u202Eright-to-left")) {
			assertThat(body(numbers("q", text))).as(text).contains("id=\"number-results\"");
		}
		// a NUL is no text at all: refused as invalid input, naming the field (system/NulCharacters)
		mvc.perform(numbers("q", "\u0000zero")).andExpect(status().isBadRequest());
		// expression syntax in the search box is echoed as typed, never evaluated
		for (String text : List.of("{{7*7}}", "${7*7}", "[[${7*7}]]", "*{7*7}", "#{7*7}")) {
			assertThat(body(numbers("q", text))).as(text).contains("value=\"" + text + "\"");
		}
		assertThat(jdbc.queryForObject("select count(*) from phone_numbers where provider_account_id = ?", Integer.class,
				fleet.account)).isEqualTo(12);
	}

	@Test
	void aCursorOfAnotherSortIsRefusedWithAMessage() throws Exception {
		String next = link(body(numbers("size", "5")), "next-page");
		String cursor = next.substring(next.indexOf("after=") + 6);
		String page = body(numbers("sort", "health", "after", cursor));
		assertThat(page).contains("That page link is not valid");
	}

	/**
	 * A cursor is not signed (it grants nothing: the page's query applies the viewer's scope and
	 * filters whatever it says), but one edited by hand to hold what no row has is the same stale
	 * link as any other, never a failed query.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"a NUL in a number|number|+1206<NUL>",
			"a NUL in a name|name|Growth<NUL>line",
			"a time no row has|modified|+1000000-01-01T00:00:00Z" })
	void aTamperedCursorIsAStaleLinkNeverA500(String what, String sort, String key) throws Exception {
		String token = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((sort + "\n7\n" + key.replace("<NUL>", "\u0000")).getBytes(StandardCharsets.UTF_8));

		String page = body(numbers("sort", sort, "after", token));

		assertThat(page).as(what).contains("id=\"number-problems\"", "That page link is not valid");
		assertThat(rowIds(page)).isEmpty();
	}

	@Test
	void facetsListThePlansAndCampaignsPresentForTheViewer() throws Exception {
		long id = fleet.number(5559003, "Planned", growth);
		jdbc.update("update phone_numbers set sms_service_plan_id = ?, ten_dlc_campaign_id = ?, campaign_id = ? where id = ?",
				"plan-" + fleet.tag, "C" + fleet.tag, "camp-" + fleet.tag, id);
		facets.forget();
		String page = body(numbers());
		assertThat(page).contains(">plan-" + fleet.tag + "</option>", ">C" + fleet.tag + "</option>",
				">camp-" + fleet.tag + "</option>");
		String filtered = body(numbers("plan", "plan-" + fleet.tag));
		assertThat(rowIds(filtered)).containsExactly(id);
	}

	@Test
	void operatorsGetABulkSelectionThatLeavesTheSearchFormAloneViewersDoNot() throws Exception {
		String operator = mvc.perform(numbers("q", "Growth").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> ids = rowIds(operator);
		assertThat(ids).hasSize(12);
		assertThat(operator).contains("<form id=\"bulk-form\"", "action=\"/changes/bulk\"", "id=\"bulk-selected\"",
				"id=\"bulk-select-page\"");
		// every row's box belongs to the bulk form, not to the search form it is not inside anyway
		ids.forEach(id -> assertThat(operator).contains("name=\"ids\" form=\"bulk-form\" value=\"" + id + "\""));
		// "all that match" carries the filters, not the sort or the paging
		assertThat(operator).contains("href=\"/changes/bulk?q=Growth&amp;account=" + fleet.account + "&amp;all=true\"",
				">Bulk edit all 12 numbers that match<");

		String viewer = body(numbers("q", "Growth"));
		assertThat(rowIds(viewer)).hasSize(12);
		assertThat(viewer).doesNotContain("bulk-form", "name=\"ids\"", "bulk-select-page", "/changes/bulk");
	}
}
