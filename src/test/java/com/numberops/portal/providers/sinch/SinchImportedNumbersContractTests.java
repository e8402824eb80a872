package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.support.PortalIntegrationTest;

/** Every operation of the imported numbers adapter against the running sandbox (seed 000's flat errors). */
class SinchImportedNumbersContractTests extends PortalIntegrationTest {

	@Autowired
	private SinchImportedNumbers numbers;

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
	void inSandboxModeTheSeededPlanCampaignPairsAreListed() {
		assertThat(numbers.kind()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(numbers.sandbox()).isTrue();
		assertThat(numbers.scopes()).extracting(ListScope::filters)
			.containsExactlyInAnyOrder(Map.of("servicePlanId", "sp-growth-01", "campaignId", "CA1B2C3"),
					Map.of("servicePlanId", "sp-growth-01", "campaignId", "CB4D5E6"),
					Map.of("servicePlanId", "sp-growth-01", "campaignId", ""),
					Map.of("servicePlanId", "sp-retention-02", "campaignId", "CA1B2C3"),
					Map.of("servicePlanId", "sp-retention-02", "campaignId", "CB4D5E6"),
					Map.of("servicePlanId", "sp-retention-02", "campaignId", ""));
	}

	@Test
	void pagingThroughEveryScopeFindsEachNumberOfThatPairExactlyOnce() {
		for (int i = 0; i < 4; i++) {
			rows.imported("sp-growth-01", "CA1B2C3");
			rows.imported("sp-retention-02", "");
		}
		for (ListScope scope : numbers.scopes()) {
			List<String> table = rows.importedNumbers(scope.filters().get("servicePlanId"),
					scope.filters().get("campaignId"));
			List<String> listed = new ArrayList<>();
			String token = null;
			NumberPage page;
			int pages = 0;
			do {
				page = numbers.page(scope, token, 3);
				pages++;
				assertThat(page.numbers()).hasSizeLessThanOrEqualTo(3);
				page.numbers().forEach(number -> {
					assertThat(number.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
					assertThat(number.smsServicePlanId()).isEqualTo(scope.filters().get("servicePlanId"));
					listed.add(number.providerNumberId());
				});
				token = page.nextPageToken();
			}
			while (!page.last() && pages <= table.size() + 1);

			assertThat(listed).as(scope.label()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(table);
		}
	}

	@Test
	void getReadsAnImportedNumber() {
		String phone = rows.imported("sp-growth-01", "CB4D5E6");

		ProviderNumber number = numbers.get(phone);

		assertThat(number.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(number.providerNumberId()).isEqualTo(phone);
		assertThat(number.regionCode()).isEqualTo("US");
		assertThat(number.capabilities()).contains("SMS");
		assertThat(number.smsServicePlanId()).isEqualTo("sp-growth-01");
		assertThat(number.smsCampaignId()).isEqualTo("CB4D5E6");
		assertThat(number.smsProvisioning()).isNull();
		assertThat(number.voiceAppId()).isNull();
		assertThat(number.raw().path("smsConfiguration").has("migrateToSinchTmo")).isTrue();
	}

	@Test
	void renameAndRelinkArePatched() {
		String phone = rows.imported("sp-growth-01", "CA1B2C3");

		assertThat(numbers.apply(phone, NumberChange.rename("Imported, renamed")).number().displayName())
			.isEqualTo("Imported, renamed");

		numbers.apply(phone, NumberChange.sms("", ""));
		ProviderNumber unlinked = awaitSettled(phone);
		assertThat(unlinked.smsServicePlanId()).isNull();
		assertThat(unlinked.smsCampaignId()).isNull();

		ProviderNumber scheduled = numbers.apply(phone, NumberChange.sms("sp-retention-02", "CB4D5E6")).number();
		assertThat(scheduled.smsProvisioning()).as("seed 000's integer status, named").isNotNull();
		assertThat(scheduled.smsProvisioning().status()).isEqualTo("WAITING");
		assertThat(scheduled.smsProvisioning().servicePlanId()).isEqualTo("sp-retention-02");
		ProviderNumber relinked = awaitSettled(phone);
		assertThat(relinked.smsServicePlanId()).isEqualTo("sp-retention-02");
		assertThat(relinked.smsCampaignId()).isEqualTo("CB4D5E6");
		assertThat(relinked.displayName()).isEqualTo("Imported, renamed");
	}

	/** Seed 000 does not require servicePlanId: the campaign alone can be unlinked. */
	@Test
	void theCampaignAloneCanBeUnlinked() {
		String phone = rows.imported("sp-growth-01", "CA1B2C3");

		numbers.apply(phone, new NumberChange(null, null, "", null, null, null));
		ProviderNumber unlinked = awaitSettled(phone);

		assertThat(unlinked.smsServicePlanId()).isEqualTo("sp-growth-01");
		assertThat(unlinked.smsCampaignId()).isNull();
	}

	@Test
	void linkingWhileLinkedIsRefusedInTheFlatFormat() {
		String phone = rows.imported("sp-growth-01", "CA1B2C3");

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.sms("sp-retention-02", "CB4D5E6")));

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).as("read from the flat {code, message, status}").isEqualTo("INVALID_ARGUMENT");
		assertThat(error.getMessage()).isNotBlank().doesNotStartWith("{");
	}

	@Test
	void anUnknownNumberIs404NotFoundInTheFlatFormat() {
		String unknown = "+15550000002";

		ProviderError onGet = catchThrowableOfType(ProviderError.class, () -> numbers.get(unknown));
		ProviderError onPatch = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(unknown, NumberChange.rename("x")));

		for (ProviderError error : List.of(onGet, onPatch)) {
			assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
			assertThat(error.httpStatus()).isEqualTo(404);
			assertThat(error.providerCode()).isEqualTo("NOT_FOUND");
			assertThat(error.getMessage()).isNotBlank().doesNotStartWith("{");
		}
	}

	@Test
	void anActiveNumberIsNotAnImportedOne() {
		String active = rows.active("US", "LOCAL");

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(active));

		assertThat(error.httpStatus()).isEqualTo(404);
	}

	@Test
	void releaseIsNotOfferedForImportedNumbersAndNothingIsSent() {
		String phone = rows.imported("sp-growth-01", "");
		journal.clear();

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.release(phone));

		assertThat(error.httpStatus()).isEqualTo(405);
		assertThat(error.providerCode()).isEqualTo("UNSUPPORTED_OPERATION");
		assertThat(error.retryable()).isFalse();
		assertThat(requestsFor(phone)).isEmpty();
		assertThat(numbers.get(phone).providerNumberId()).isEqualTo(phone);
	}

	@Test
	void aVoiceAppIsRefusedWithoutCallingSinch() {
		String phone = rows.imported("sp-growth-01", "");
		journal.clear();

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.voiceApp("a7f3c2d1-voice-ivr")));

		assertThat(error.providerCode()).isEqualTo("UNSUPPORTED_CHANGE");
		assertThat(requestsFor(phone)).isEmpty();
	}

	private List<SandboxJournal.Entry> requestsFor(String phone) {
		return journal.matching(entry -> SinchActiveNumbersContractTests.decoded(entry.path()).contains(phone));
	}

	private ProviderNumber awaitSettled(String phone) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(40))
			.until(() -> numbers.get(phone), now -> now.smsProvisioning() == null);
	}
}
