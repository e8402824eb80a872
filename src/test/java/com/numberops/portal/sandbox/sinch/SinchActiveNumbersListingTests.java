package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * GET .../activeNumbers and .../activeNumbers/{phoneNumber} over HTTP, against seed 002: required
 * filters, paging with pageSize/pageToken → nextPageToken/totalSize, numberPattern, capability,
 * orderBy, and the response's field names and formats.
 */
class SinchActiveNumbersListingTests extends SinchSandboxTest {

	List<String> phoneNumbers(JsonNode page) {
		List<String> numbers = new ArrayList<>();
		page.get("activeNumbers").forEach(n -> numbers.add(n.get("phoneNumber").stringValue()));
		return numbers;
	}

	@Test
	void regionCodeAndTypeAreRequiredFilters() {
		Reply neither = get(active("/activeNumbers"));
		assertThat(neither.status()).isEqualTo(400);
		JsonNode error = neither.body().get("error");
		assertThat(error.get("code").intValue()).isEqualTo(400);
		assertThat(error.get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.get("details").get(0).get("type").stringValue()).isEqualTo("BadRequest");
		assertThat(error.get("details").get(0).get("fieldViolations").findValuesAsString("field"))
			.containsExactly("regionCode", "type");

		Reply badValues = get(active("/activeNumbers?regionCode=usa&type=PREMIUM&capability=FAX&orderBy=price"));
		assertThat(badValues.status()).isEqualTo(400);
		assertThat(badValues.body().get("error").get("details").get(0).get("fieldViolations").findValuesAsString("field"))
			.containsExactly("regionCode", "type", "capability", "orderBy");

		Reply onlyRegion = get(active("/activeNumbers?regionCode=US"));
		assertThat(onlyRegion.status()).isEqualTo(400);
		assertThat(onlyRegion.body().get("error").get("details").get(0).get("fieldViolations").findValuesAsString("field"))
			.containsExactly("type");
	}

	@Test
	void pagingThroughARegionAndTypeFindsEveryNumberExactlyOnce() {
		Set<String> expected = new HashSet<>(sandbox.jdbc()
			.sql("select phone_number from sinch_numbers where project_id = :p and kind = 'ACTIVE'"
					+ " and region_code = 'US' and type = 'LOCAL'")
			.param("p", PROJECT)
			.query(String.class)
			.list());
		assertThat(expected).hasSizeGreaterThan(14);

		List<String> seen = new ArrayList<>();
		String token = "";
		int pages = 0;
		do {
			Reply page = get(active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=7"
					+ (token.isEmpty() ? "" : "&pageToken=" + enc(token))));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body().get("totalSize").intValue()).isEqualTo(expected.size());
			List<String> numbers = phoneNumbers(page.body());
			assertThat(numbers).hasSizeLessThanOrEqualTo(7).isSorted();
			seen.addAll(numbers);
			token = page.body().get("nextPageToken").stringValue();
			pages++;
		}
		while (!token.isEmpty() && pages < 1000);

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(new HashSet<>(seen)).isEqualTo(expected);
		assertThat(pages).isEqualTo((expected.size() + 6) / 7);
	}

	@Test
	void aWalkStaysStableWhileNumbersComeAndGo() {
		String first = createNumber("XW", "MOBILE", List.of("SMS"), "", "", "", "a");
		String second = createNumber("XW", "MOBILE", List.of("SMS"), "", "", "", "b");
		String third = createNumber("XW", "MOBILE", List.of("SMS"), "", "", "", "c");
		String fourth = createNumber("XW", "MOBILE", List.of("SMS"), "", "", "", "d");

		Reply page1 = get(active("/activeNumbers?regionCode=XW&type=MOBILE&pageSize=2"));
		assertThat(phoneNumbers(page1.body())).containsExactly(first, second);
		String token = page1.body().get("nextPageToken").stringValue();

		// rows change between the pages: one already handed out goes away, a new one sorts behind
		sandbox.jdbc().sql("delete from sinch_numbers where phone_number = :n").param("n", first).update();
		String fifth = createNumber("XW", "MOBILE", List.of("SMS"), "", "", "", "e");

		Reply page2 = get(active("/activeNumbers?regionCode=XW&type=MOBILE&pageSize=2&pageToken=" + enc(token)));
		assertThat(phoneNumbers(page2.body())).containsExactly(third, fourth);
		Reply page3 = get(active("/activeNumbers?regionCode=XW&type=MOBILE&pageSize=2&pageToken="
				+ enc(page2.body().get("nextPageToken").stringValue())));
		assertThat(phoneNumbers(page3.body())).containsExactly(fifth);
		assertThat(page3.body().get("nextPageToken").stringValue()).isEmpty();
		assertThat(page3.body().get("totalSize").intValue()).isEqualTo(4);
	}

	@Test
	void aTokenOnlyContinuesTheListingItCameFrom() {
		createNumber("XT", "LOCAL", List.of("SMS"), "", "", "", "x");
		createNumber("XT", "LOCAL", List.of("SMS"), "", "", "", "y");
		String token = get(active("/activeNumbers?regionCode=XT&type=LOCAL&pageSize=1")).body()
			.get("nextPageToken")
			.stringValue();
		assertThat(token).isNotEmpty();

		Reply otherFilter = get(active("/activeNumbers?regionCode=XT&type=MOBILE&pageSize=1&pageToken=" + enc(token)));
		assertThat(otherFilter.status()).isEqualTo(400);
		assertThat(otherFilter.body().get("error").get("details").get(0).get("fieldViolations").get(0).get("field")
			.stringValue()).isEqualTo("pageToken");

		Reply garbage = get(active("/activeNumbers?regionCode=XT&type=LOCAL&pageToken=not-a-token"));
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.body().get("error").get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
	}

	@Test
	void pageSizeHasADefaultAndACeiling() {
		Reply byDefault = get(active("/activeNumbers?regionCode=US&type=LOCAL"));
		assertThat(byDefault.body().get("activeNumbers").size())
			.isEqualTo(Math.min(100, byDefault.body().get("totalSize").intValue()));
		Reply huge = get(active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=5000"));
		assertThat(huge.status()).isEqualTo(200);
		assertThat(huge.body().get("activeNumbers").size()).isEqualTo(huge.body().get("totalSize").intValue());
		assertThat(huge.body().get("nextPageToken").stringValue()).isEmpty();
		assertThat(get(active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=-1")).status()).isEqualTo(400);
		assertThat(get(active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=ten")).status()).isEqualTo(400);
	}

	@Test
	void numberPatternSearchesTheStartTheMiddleOrTheEnd() {
		String a = createNumber("XP", "TOLL_FREE", List.of("VOICE"), "", "", "", "pattern");
		String b = createNumber("XP", "TOLL_FREE", List.of("VOICE"), "", "", "", "pattern");
		String base = "/activeNumbers?regionCode=XP&type=TOLL_FREE";
		String lastFour = a.substring(a.length() - 4);

		assertThat(phoneNumbers(get(active(base + "&numberPattern.pattern=" + enc(lastFour)
				+ "&numberPattern.searchPattern=END")).body())).containsExactly(a);
		assertThat(phoneNumbers(get(active(base + "&numberPattern.pattern=" + enc("+99955")
				+ "&numberPattern.searchPattern=START")).body())).containsExactly(a, b);
		// START compares with the whole number, its + included (seed 002: "%2B1206")
		assertThat(phoneNumbers(get(active(base + "&numberPattern.pattern=99955&numberPattern.searchPattern=START"))
			.body())).isEmpty();
		assertThat(phoneNumbers(get(active(base + "&numberPattern.pattern=" + a.substring(3, 9)
				+ "&numberPattern.searchPattern=CONTAIN")).body())).contains(a);
		Reply rawPlus = get(active(base + "&numberPattern.pattern=+99955&numberPattern.searchPattern=START"));
		assertThat(rawPlus.status()).isEqualTo(400);
		assertThat(rawPlus.body().get("error").get("details").get(0).get("fieldViolations").get(0).get("field")
			.stringValue()).isEqualTo("numberPattern.pattern");
		assertThat(get(active(base + "&numberPattern.pattern=1&numberPattern.searchPattern=SOMEWHERE")).status())
			.isEqualTo(400);
	}

	@Test
	void capabilityFiltersKeepNumbersWithEveryCapabilityAsked() {
		String both = createNumber("XC", "LOCAL", List.of("SMS", "VOICE"), "", "", "", "both");
		String voiceOnly = createNumber("XC", "LOCAL", List.of("VOICE"), "", "", "", "voice");
		String base = "/activeNumbers?regionCode=XC&type=LOCAL&pageSize=1000";

		assertThat(phoneNumbers(get(active(base + "&capability=VOICE")).body())).containsExactly(both, voiceOnly);
		assertThat(phoneNumbers(get(active(base + "&capability=SMS")).body())).containsExactly(both);
		Reply smsAndVoice = get(active(base + "&capability=SMS&capability=VOICE"));
		assertThat(phoneNumbers(smsAndVoice.body())).containsExactly(both);
		assertThat(smsAndVoice.body().get("totalSize").intValue()).isEqualTo(1);
		assertThat(get(active(base)).body().get("totalSize").intValue()).isEqualTo(2);
	}

	@Test
	void orderByDisplayNamePagesInNameOrder() {
		String zed = createNumber("XO", "MOBILE", List.of("SMS"), "", "", "", "Zed");
		String alpha = createNumber("XO", "MOBILE", List.of("SMS"), "", "", "", "Alpha");
		String mid = createNumber("XO", "MOBILE", List.of("SMS"), "", "", "", "Mid");
		List<String> names = new ArrayList<>();
		List<String> numbers = new ArrayList<>();
		String token = "";
		do {
			Reply page = get(active("/activeNumbers?regionCode=XO&type=MOBILE&orderBy=displayName&pageSize=2"
					+ (token.isEmpty() ? "" : "&pageToken=" + enc(token))));
			assertThat(page.status()).isEqualTo(200);
			page.body().get("activeNumbers").forEach(n -> {
				names.add(n.get("displayName").stringValue());
				numbers.add(n.get("phoneNumber").stringValue());
			});
			token = page.body().get("nextPageToken").stringValue();
		}
		while (!token.isEmpty());
		assertThat(names).containsExactly("Alpha", "Mid", "Zed");
		assertThat(numbers).containsExactly(alpha, mid, zed);
	}

	@Test
	void aNumberHasTheSeedsFieldNamesAndFormats() {
		String number = createNumber("US", "LOCAL", List.of("SMS", "VOICE"), "sp-wire-01", "CWIRE01", "app-wire",
				"Wire format");
		Reply reply = get(active("/activeNumbers/" + number));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Content-Type")).startsWith("application/json");
		JsonNode n = reply.body();
		assertThat(n.get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(n.get("projectId").stringValue()).isEqualTo(PROJECT);
		assertThat(n.get("displayName").stringValue()).isEqualTo("Wire format");
		assertThat(n.get("regionCode").stringValue()).isEqualTo("US");
		assertThat(n.get("type").stringValue()).isEqualTo("LOCAL");
		assertThat(n.get("capability").get(0).stringValue()).isEqualTo("SMS");
		assertThat(n.get("capability").get(1).stringValue()).isEqualTo("VOICE");
		assertThat(n.get("money").get("currencyCode").stringValue()).isEqualTo("USD");
		// the amount is a string in decimal form, "2.00"
		assertThat(n.get("money").get("amount").isString()).isTrue();
		assertThat(n.get("money").get("amount").stringValue()).isEqualTo("2.00");
		assertThat(n.get("paymentIntervalMonths").intValue()).isEqualTo(1);
		assertThat(n.get("nextChargeDate").stringValue()).isEqualTo("2026-12-01T00:00:00.000Z");
		assertThat(n.has("expireAt")).isTrue();
		assertThat(n.get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-wire-01");
		assertThat(n.get("smsConfiguration").get("campaignId").stringValue()).isEqualTo("CWIRE01");
		assertThat(n.get("smsConfiguration").get("scheduledProvisioning").isNull()).isTrue();
		assertThat(n.get("voiceConfiguration").get("appId").stringValue()).isEqualTo("app-wire");
		assertThat(n.get("voiceConfiguration").get("scheduledVoiceProvisioning").isNull()).isTrue();
		assertThat(n.get("callbackUrl").stringValue()).isEmpty();

		Reply listed = get(active("/activeNumbers?regionCode=US&type=LOCAL&numberPattern.pattern=" + enc(number)
				+ "&numberPattern.searchPattern=START"));
		assertThat(listed.body().get("activeNumbers").get(0)).isEqualTo(n);
	}

	@Test
	void anUnknownNumberIsA404WithItsResourceInfo() {
		Reply reply = get(active("/activeNumbers/+15550000000"));
		assertThat(reply.status()).isEqualTo(404);
		JsonNode error = reply.body().get("error");
		assertThat(error.get("code").intValue()).isEqualTo(404);
		assertThat(error.get("status").stringValue()).isEqualTo("NOT_FOUND");
		JsonNode detail = error.get("details").get(0);
		assertThat(detail.get("type").stringValue()).isEqualTo("ResourceInfo");
		assertThat(detail.get("resourceType").stringValue()).isEqualTo("ActiveNumber");
		assertThat(detail.get("resourceName").stringValue()).isEqualTo("+15550000000");
		assertThat(detail.has("owner")).isTrue();
		assertThat(detail.has("description")).isTrue();
	}

	@Test
	void anUnknownProjectIsA404InTheSameFormat() {
		Reply reply = get("/sandbox/sinch/v1/projects/no-such-project/activeNumbers?regionCode=US&type=LOCAL");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("error").get("status").stringValue()).isEqualTo("NOT_FOUND");
		assertThat(reply.body().get("error").get("details").get(0).get("resourceType").stringValue())
			.isEqualTo("Project");
	}

	@Test
	void anUnknownPathIsSinchs404NotThePortalsPage() {
		Reply reply = get(active("/inactiveNumbers"));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("error").get("code").intValue()).isEqualTo(404);
	}
}
