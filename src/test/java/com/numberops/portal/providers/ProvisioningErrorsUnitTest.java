package com.numberops.portal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog of provisioning error codes: every code the carriers document is explained, others are not refused. */
class ProvisioningErrorsUnitTest {

	/** Seed 001's scheduledProvisioning.errorCodes enum, and the sandbox's voice code. */
	static final List<String> DOCUMENTED = List.of("ERROR_CODE_UNSPECIFIED", "INTERNAL_ERROR", "SMS_PROVISIONING_FAILED",
			"CAMPAIGN_PROVISIONING_FAILED", "CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT", "NUMBER_PROVISIONING_FAILED",
			"PARTNER_SERVICE_UNAVAILABLE", "CAMPAIGN_PENDING_ACCEPTANCE", "MNO_SHARING_ERROR", "CAMPAIGN_EXPIRED",
			"CAMPAIGN_MNO_REJECTED", "CAMPAIGN_MNO_SUSPENDED", "CAMPAIGN_MNO_REVIEW", "INSUFFICIENT_BALANCE",
			"MOCK_CAMPAIGN_NOT_ALLOWED", "TFN_NOT_ALLOWED", "INVALID_NNID", "VOICE_PROVISIONING_FAILED");

	@Test
	void everyDocumentedCodeIsExplainedWithSomethingToDo() {
		assertThat(ProvisioningErrors.codes()).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
		for (String code : DOCUMENTED) {
			ProvisioningErrors.Explained explained = ProvisioningErrors.explain(code);
			assertThat(explained.known()).as(code).isTrue();
			assertThat(explained.code()).isEqualTo(code);
			assertThat(explained.title()).as(code).isNotBlank();
			assertThat(explained.explanation()).as(code).isNotBlank().endsWith(".");
			assertThat(explained.whatToDo()).as(code).isNotBlank().endsWith(".");
			assertThat(ProvisioningErrors.looksLikeACode(code)).as(code).isTrue();
		}
	}

	@Test
	void theCampaignCapSaysWhatTheCapIsAndWhereToGo() {
		ProvisioningErrors.Explained full = ProvisioningErrors.explain("EXCEEDED_10DLC_LIMIT");
		assertThat(full.explanation()).contains("50");
		assertThat(full.whatToDo()).contains("another campaign");
	}

	@Test
	void codesAreReadWhateverTheirCaseAndSpaces() {
		assertThat(ProvisioningErrors.explain(" campaign_not_available ").code()).isEqualTo("CAMPAIGN_NOT_AVAILABLE");
	}

	@Test
	void anUnknownCodeIsShownAsTheCarrierSaidIt() {
		ProvisioningErrors.Explained unknown = ProvisioningErrors.explain("NEW_CARRIER_CODE_42");
		assertThat(unknown.known()).isFalse();
		assertThat(unknown.code()).isEqualTo("NEW_CARRIER_CODE_42");
		assertThat(unknown.title()).contains("NEW_CARRIER_CODE_42");
		assertThat(unknown.whatToDo()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "lower_case", "WITH SPACE", "X'; drop", "<b>" })
	void onlyCodeShapedTextIsTakenForACode(String text) {
		assertThat(ProvisioningErrors.looksLikeACode(text)).isFalse();
	}
}
