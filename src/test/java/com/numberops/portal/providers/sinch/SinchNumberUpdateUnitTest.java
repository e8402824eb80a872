package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;

import tools.jackson.databind.json.JsonMapper;

/** What goes over the wire for each change: only what changes, never an empty object. */
class SinchNumberUpdateUnitTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aRenameSendsOnlyTheName() {
		assertThat(body(NumberChange.rename("MyPhoneNumber"))).isEqualTo("{\"displayName\":\"MyPhoneNumber\"}");
	}

	@Test
	void anUnlinkSendsEmptyStrings() {
		assertThat(body(NumberChange.sms("", ""))).isEqualTo("{\"smsConfiguration\":{\"servicePlanId\":\"\",\"campaignId\":\"\"}}");
	}

	@Test
	void theCampaignIsSentOnlyWhenGiven() {
		assertThat(body(NumberChange.sms("sp-growth-01", null))).isEqualTo("{\"smsConfiguration\":{\"servicePlanId\":\"sp-growth-01\"}}");
		assertThat(body(NumberChange.sms("sp-growth-01", "CA1B2C3")))
			.isEqualTo("{\"smsConfiguration\":{\"servicePlanId\":\"sp-growth-01\",\"campaignId\":\"CA1B2C3\"}}");
	}

	@Test
	void aVoiceAppSendsOnlyTheVoiceConfiguration() {
		assertThat(body(NumberChange.voiceApp("YOUR_Voice_appId"))).isEqualTo("{\"voiceConfiguration\":{\"appId\":\"YOUR_Voice_appId\"}}");
	}

	@Test
	void severalPartsGoInOneBody() {
		NumberChange change = new NumberChange("Sales", "sp-growth-01", "CA1B2C3", "app-1", null, null);

		assertThat(body(change)).isEqualTo("{\"displayName\":\"Sales\",\"smsConfiguration\":{\"servicePlanId\":"
				+ "\"sp-growth-01\",\"campaignId\":\"CA1B2C3\"},\"voiceConfiguration\":{\"appId\":\"app-1\"}}");
	}

	@Test
	void whatSinchCannotTakeIsRefusedBeforeAnythingIsSent() {
		assertThatThrownBy(() -> SinchNumberUpdate.of(ProviderKind.SINCH, NumberChange.cnamLookups(true)))
			.isInstanceOfSatisfying(ProviderError.class, error -> {
				assertThat(error.httpStatus()).isEqualTo(400);
				assertThat(error.providerCode()).isEqualTo("UNSUPPORTED_CHANGE");
				assertThat(error.retryable()).isFalse();
			});
		assertThatThrownBy(() -> SinchNumberUpdate.of(ProviderKind.SINCH_IMPORTED, NumberChange.voiceApp("a")))
			.isInstanceOf(ProviderError.class)
			.hasMessageContaining("no voice configuration");
		assertThatThrownBy(() -> SinchNumberUpdate.of(ProviderKind.SINCH,
				new NumberChange(null, null, "CA1B2C3", null, null, null)))
			.isInstanceOf(ProviderError.class)
			.hasMessageContaining("servicePlanId");
	}

	/** Seed 000 does not require servicePlanId in an imported number's smsConfiguration. */
	@Test
	void anImportedNumbersCampaignCanChangeAlone() {
		SinchNumberUpdate update = SinchNumberUpdate.of(ProviderKind.SINCH_IMPORTED,
				new NumberChange(null, null, "", null, null, null));

		assertThat(JSON.writeValueAsString(update)).isEqualTo("{\"smsConfiguration\":{\"campaignId\":\"\"}}");
	}

	@Test
	void activeScopesAreEveryRegionTimesEveryType() {
		assertThat(SinchActiveNumbers.scopes(List.of("US", "GB"), List.of("LOCAL", "MOBILE")))
			.extracting(ListScope::label)
			.containsExactly("US LOCAL", "US MOBILE", "GB LOCAL", "GB MOBILE");
		assertThat(SinchActiveNumbers.scopes(List.of("US"), List.of("TOLL_FREE")).get(0).filters())
			.containsExactlyInAnyOrderEntriesOf(Map.of("regionCode", "US", "type", "TOLL_FREE"));
	}

	@Test
	void importedScopesArePlanCampaignPairs() {
		List<ListScope> scopes = SinchImportedNumbers.scopes(List.of("sp-growth-01/CA1B2C3", "sp-growth-01/", ""));

		assertThat(scopes).extracting(ListScope::label).containsExactly("sp-growth-01 / CA1B2C3", "sp-growth-01 / no campaign");
		assertThat(scopes.get(1).filters()).containsEntry("campaignId", "");
		assertThatThrownBy(() -> SinchImportedNumbers.scopes(List.of("sp-growth-01")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("servicePlanId/campaignId");
	}

	private static String body(NumberChange change) {
		return JSON.writeValueAsString(SinchNumberUpdate.of(ProviderKind.SINCH, change));
	}
}
