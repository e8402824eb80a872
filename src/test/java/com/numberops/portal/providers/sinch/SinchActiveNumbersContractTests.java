package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriUtils;

import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.support.PortalIntegrationTest;

/** Every operation of the active numbers adapter, over HTTP against the running sandbox (seeds 002, 001). */
class SinchActiveNumbersContractTests extends PortalIntegrationTest {

	private static final Duration PROVISIONING = Duration.ofSeconds(10);

	@Autowired
	private SinchActiveNumbers numbers;

	@Autowired
	private SandboxDatabase sandbox;

	@Autowired
	private SandboxFaults faults;

	@Autowired
	private SandboxJournal journal;

	private SandboxSinchRows rows;

	@BeforeEach
	void ownRows() {
		rows = new SandboxSinchRows(sandbox);
	}

	@AfterEach
	void cleanUp() {
		faults.clearAll();
		rows.deleteCreated();
	}

	@Test
	void talksToTheSandboxProjectAndListsEveryRegionTimesType() {
		assertThat(numbers.kind()).isEqualTo(ProviderKind.SINCH);
		assertThat(numbers.sandbox()).isTrue();
		assertThat(numbers.accountRef()).isEqualTo(ProvidersProperties.SANDBOX_SINCH_PROJECT);
		assertThat(numbers.scopes()).extracting(ListScope::label)
			.containsExactly("US LOCAL", "US MOBILE", "US TOLL_FREE", "CA LOCAL", "CA MOBILE", "CA TOLL_FREE",
					"GB LOCAL", "GB MOBILE", "GB TOLL_FREE");
	}

	@Test
	void pagingThroughARegionAndTypeFindsEveryNumberExactlyOnce() {
		for (int i = 0; i < 10; i++) {
			rows.active("US", "LOCAL");
		}
		List<String> table = rows.activeNumbers("US", "LOCAL");
		ListScope scope = scope("US LOCAL");
		int pageSize = 7;

		List<String> listed = new ArrayList<>();
		List<Integer> totals = new ArrayList<>();
		String token = null;
		int pages = 0;
		NumberPage page;
		do {
			page = numbers.page(scope, token, pageSize);
			pages++;
			assertThat(page.numbers()).hasSizeLessThanOrEqualTo(pageSize);
			assertThat(page.numbers()).allSatisfy(number -> {
				assertThat(number.regionCode()).isEqualTo("US");
				assertThat(number.type()).isEqualTo("LOCAL");
				assertThat(number.raw()).isNotNull();
			});
			page.numbers().forEach(number -> listed.add(number.providerNumberId()));
			totals.add(page.totalSize());
			token = page.nextPageToken();
		}
		while (!page.last() && pages <= table.size());

		assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(table);
		int fullPages = (table.size() + pageSize - 1) / pageSize;
		assertThat(pages).isBetween(fullPages, fullPages + 1);
		assertThat(totals).as("totalSize is the size of the whole listing").containsOnly(table.size());
	}

	/** Seed 002: START compares with the whole number, + included and sent URL-encoded (%2B). */
	@Test
	void aScopeMayNarrowTheListingByNumberPattern() {
		List<String> mine = List.of(rows.active("US", "LOCAL"), rows.active("US", "LOCAL"), rows.active("US", "LOCAL"));
		ListScope ours = new ListScope("US LOCAL +1555", Map.of("regionCode", "US", "type", "LOCAL",
				"numberPattern.pattern", "+1555", "numberPattern.searchPattern", "START", "orderBy", "phoneNumber"));

		NumberPage page = numbers.page(ours, null, 1000);

		assertThat(page.numbers()).extracting(ProviderNumber::number)
			.containsAll(mine)
			.allMatch(number -> number.startsWith("+1555"))
			.isSorted();
		assertThat(page.last()).isTrue();
	}

	@Test
	void getReadsEveryField() {
		String phone = rows.activeLinked("sp-growth-01", "CA1B2C3", "a7f3c2d1-voice-ivr");
		sandbox.jdbc()
			.sql("update sinch_numbers set display_name = 'Contract line', next_charge_date = '2026-12-01T00:00:00Z', "
					+ "expire_at = '2027-01-01T00:00:00Z' where phone_number = ?")
			.param(phone)
			.update();

		ProviderNumber number = numbers.get(phone);

		assertThat(number.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(number.providerNumberId()).isEqualTo(phone);
		assertThat(number.number()).isEqualTo(phone);
		assertThat(number.displayName()).isEqualTo("Contract line");
		assertThat(number.regionCode()).isEqualTo("US");
		assertThat(number.type()).isEqualTo("LOCAL");
		assertThat(number.capabilities()).containsExactlyInAnyOrder("SMS", "VOICE");
		assertThat(number.monthlyAmount()).isEqualByComparingTo(new BigDecimal("2.00"));
		assertThat(number.currency()).isEqualTo("USD");
		assertThat(number.paymentIntervalMonths()).isEqualTo(1);
		assertThat(number.nextChargeDate()).isEqualTo("2026-12-01T00:00:00Z");
		assertThat(number.expireAt()).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(number.smsServicePlanId()).isEqualTo("sp-growth-01");
		assertThat(number.smsCampaignId()).isEqualTo("CA1B2C3");
		assertThat(number.smsProvisioning()).isNull();
		assertThat(number.voiceAppId()).isEqualTo("a7f3c2d1-voice-ivr");
		assertThat(number.voiceProvisioning()).isNull();
		assertThat(number.raw().path("phoneNumber").asString()).isEqualTo(phone);
	}

	@Test
	void renameSendsOnlyTheNameAndIsAppliedAtOnce() {
		String phone = rows.active("US", "LOCAL");
		journal.clear();

		ChangeResult result = numbers.apply(phone, NumberChange.rename("Renamed by contract test"));

		assertThat(result.partial()).isFalse();
		assertThat(result.number().displayName()).isEqualTo("Renamed by contract test");
		assertThat(numbers.get(phone).displayName()).isEqualTo("Renamed by contract test");
		assertThat(rows.column(phone, "display_name")).isEqualTo("Renamed by contract test");
		assertThat(patchesOf(phone)).containsExactly("{\"displayName\":\"Renamed by contract test\"}");
	}

	@Test
	void linkingAnSmsServiceIsScheduledProvisioningSeenUntilItIsApplied() {
		String phone = rows.active("US", "LOCAL");

		ProviderNumber answered = numbers.apply(phone, NumberChange.sms("sp-growth-01", "CA1B2C3")).number();

		assertThat(answered.smsServicePlanId()).as("not linked before the job succeeded").isNull();
		assertThat(answered.smsProvisioning()).isNotNull();
		assertThat(answered.smsProvisioning().running()).isTrue();
		assertThat(answered.smsProvisioning().servicePlanId()).isEqualTo("sp-growth-01");
		assertThat(answered.smsProvisioning().campaignId()).isEqualTo("CA1B2C3");
		assertThat(answered.smsProvisioning().lastUpdatedTime()).isNotNull();

		List<String> seen = new ArrayList<>();
		ProviderNumber applied = await().atMost(PROVISIONING).pollInterval(Duration.ofMillis(40)).until(() -> {
			ProviderNumber now = numbers.get(phone);
			if (now.smsProvisioning() != null) {
				seen.add(now.smsProvisioning().status());
			}
			return now;
		}, now -> now.smsProvisioning() == null);

		assertThat(seen).isNotEmpty().allMatch(status -> status.equals("WAITING") || status.equals("IN_PROGRESS"));
		int inProgress = seen.indexOf("IN_PROGRESS");
		if (inProgress >= 0) {
			assertThat(seen.subList(inProgress, seen.size())).as("never back to WAITING").containsOnly("IN_PROGRESS");
		}
		assertThat(applied.smsServicePlanId()).isEqualTo("sp-growth-01");
		assertThat(applied.smsCampaignId()).isEqualTo("CA1B2C3");
	}

	/** The sandbox's deterministic hook: campaign CFAILED1 always ends FAILED with CAMPAIGN_NOT_AVAILABLE. */
	@Test
	void aFailedSmsJobIsReportedWithItsErrorCodesAndLinksNothing() {
		String phone = rows.active("US", "LOCAL");

		numbers.apply(phone, NumberChange.sms("sp-growth-01", "CFAILED1"));
		ProviderNumber failed = await().atMost(PROVISIONING)
			.pollInterval(Duration.ofMillis(40))
			.until(() -> numbers.get(phone), now -> now.smsProvisioning() != null && now.smsProvisioning().failed());

		assertThat(failed.smsProvisioning().errorCodes()).containsExactly("CAMPAIGN_NOT_AVAILABLE");
		assertThat(failed.smsProvisioning().servicePlanId()).isEqualTo("sp-growth-01");
		assertThat(failed.smsProvisioning().campaignId()).isEqualTo("CFAILED1");
		assertThat(failed.smsServicePlanId()).isNull();
		assertThat(failed.smsCampaignId()).isNull();
	}

	@Test
	void aFailedVoiceJobIsReported() {
		String phone = rows.active("US", "LOCAL");

		numbers.apply(phone, NumberChange.voiceApp("VFAILED1"));
		ProviderNumber failed = await().atMost(PROVISIONING)
			.pollInterval(Duration.ofMillis(40))
			.until(() -> numbers.get(phone), now -> now.voiceProvisioning() != null && now.voiceProvisioning().failed());

		assertThat(failed.voiceProvisioning().appId()).isEqualTo("VFAILED1");
		assertThat(failed.voiceAppId()).isNull();
	}

	@Test
	void linkingWhileLinkedIsRefusedWithTheSeedsInvalidArgument() {
		String phone = rows.activeLinked("sp-growth-01", "", "");
		journal.clear();

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.sms("sp-retention-02", null)));

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.retryable()).isFalse();
		assertThat(error.getMessage()).as("the field violation is kept").contains("smsConfiguration.servicePlanId");
		assertThat(patchesOf(phone)).as("sent once, not retried").hasSize(1);
		assertThat(rows.column(phone, "sms_service_plan_id")).isEqualTo("sp-growth-01");
	}

	@Test
	void unlinkThenLinkReassignsTheServiceInTwoSteps() {
		String phone = rows.activeLinked("sp-growth-01", "CA1B2C3", "");

		numbers.apply(phone, NumberChange.sms("", ""));
		ProviderNumber unlinked = awaitSettled(phone);
		assertThat(unlinked.smsServicePlanId()).isNull();
		assertThat(unlinked.smsCampaignId()).isNull();

		numbers.apply(phone, NumberChange.sms("sp-retention-02", "CB4D5E6"));
		ProviderNumber relinked = awaitSettled(phone);
		assertThat(relinked.smsServicePlanId()).isEqualTo("sp-retention-02");
		assertThat(relinked.smsCampaignId()).isEqualTo("CB4D5E6");
	}

	@Test
	void aCampaignOnANonUsNumberIsRefused() {
		String phone = rows.active("GB", "LOCAL");

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.sms("sp-growth-01", "CA1B2C3")));

		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.getMessage()).contains("campaignId");
	}

	@Test
	void aVoiceAppIsAssignedThroughScheduledVoiceProvisioning() {
		String phone = rows.active("US", "LOCAL");
		journal.clear();

		ProviderNumber answered = numbers.apply(phone, NumberChange.voiceApp("c9f5e4d3-voice-support")).number();

		assertThat(patchesOf(phone)).containsExactly("{\"voiceConfiguration\":{\"appId\":\"c9f5e4d3-voice-support\"}}");
		if (answered.voiceProvisioning() != null) {
			assertThat(answered.voiceProvisioning().running()).isTrue();
			assertThat(answered.voiceProvisioning().appId()).isEqualTo("c9f5e4d3-voice-support");
		}
		ProviderNumber applied = await().atMost(PROVISIONING)
			.pollInterval(Duration.ofMillis(40))
			.until(() -> numbers.get(phone), now -> now.voiceProvisioning() == null
					&& "c9f5e4d3-voice-support".equals(now.voiceAppId()));
		assertThat(applied.smsProvisioning()).isNull();
	}

	@Test
	void anEmptyChangeSendsNothingAndReportsTheNumber() {
		String phone = rows.active("US", "LOCAL");
		journal.clear();

		ChangeResult result = numbers.apply(phone, new NumberChange(null, null, null, null, null, null));

		assertThat(result.number().providerNumberId()).isEqualTo(phone);
		assertThat(patchesOf(phone)).isEmpty();
	}

	@Test
	void aChangeSinchCannotTakeIsRefusedWithoutCallingSinch() {
		String phone = rows.active("US", "LOCAL");
		journal.clear();

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.messaging(true)));

		assertThat(error.providerCode()).isEqualTo("UNSUPPORTED_CHANGE");
		assertThat(patchesOf(phone)).isEmpty();
	}

	@Test
	void releaseGivesTheNumberBack() {
		String phone = rows.active("US", "LOCAL");

		numbers.release(phone);

		assertThat(journal.matching(entry -> decoded(entry.path()).endsWith("/activeNumbers/" + phone + ":release")))
			.extracting(SandboxJournal.Entry::status)
			.containsExactly(200);
		ProviderError gone = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));
		assertThat(gone.httpStatus()).isEqualTo(404);
	}

	@Test
	void anUnknownNumberIs404NotFoundInTheActiveFormat() {
		String unknown = "+15550000001";

		ProviderError onGet = catchThrowableOfType(ProviderError.class, () -> numbers.get(unknown));
		ProviderError onPatch = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(unknown, NumberChange.rename("x")));
		ProviderError onRelease = catchThrowableOfType(ProviderError.class, () -> numbers.release(unknown));

		for (ProviderError error : List.of(onGet, onPatch, onRelease)) {
			assertThat(error.provider()).isEqualTo(ProviderKind.SINCH);
			assertThat(error.httpStatus()).isEqualTo(404);
			assertThat(error.providerCode()).as("read from {\"error\": {\"status\": …}}").isEqualTo("NOT_FOUND");
			assertThat(error.getMessage()).isNotBlank().doesNotStartWith("{");
			assertThat(error.retryable()).isFalse();
		}
	}

	private ListScope scope(String label) {
		return numbers.scopes().stream().filter(scope -> scope.label().equals(label)).findFirst().orElseThrow();
	}

	/** Waits until no SMS or voice job runs on the number any more. */
	private ProviderNumber awaitSettled(String phone) {
		return await().atMost(PROVISIONING)
			.pollInterval(Duration.ofMillis(40))
			.until(() -> numbers.get(phone), now -> now.smsProvisioning() == null && now.voiceProvisioning() == null);
	}

	/** The journal keeps paths as sent: the + of E.164 travels as %2B. */
	static String decoded(String path) {
		return UriUtils.decode(path, StandardCharsets.UTF_8);
	}

	private List<String> patchesOf(String phone) {
		return journal
			.matching(entry -> entry.method().equals("PATCH") && decoded(entry.path()).endsWith("/activeNumbers/" + phone))
			.stream()
			.map(SandboxJournal.Entry::body)
			.filter(Objects::nonNull)
			.toList();
	}
}
